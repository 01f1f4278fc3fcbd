import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * V-2 across services with the suite clock moved, through the gateway only: customers registers 王阿姨 for
 * 一部's employee; on day 89 she is served enough and 二部 may not invite her; on day 90 service-visits' sweep
 * flags her under-served, customers shows it and the resource director lists her with the link to customers'
 * transfer, and 二部 may then invite her (J-2 via campaigns); a home visit by 一部 serves her again, customers
 * and campaigns learn it, and the graph shows the visit as Customer.serviceRecords. 赵大爷, flagged with her, is
 * reassigned by the resource director from the list through customers' transfer, which serves him again.
 */
describe('suite: the 3-month rule across customers, campaigns and service-visits (V-2, J-2)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, twoDepartments } = session;
  const joined = new Date('2030-03-02T02:00:00.000Z'); // 10:00 in Shanghai
  const on = (days: number, ms = 0) => new Date(joined.getTime() + days * DAY + ms);
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'e1' | 'head2' | 'e2' | 'wang' | 'zhao', string>;
  const as = {} as Record<'e1' | 'head1' | 'head2' | 'e2' | 'director', Record<string, string>>;

  const adequacySweep = () => session.sweep<{ flagged: number; served: number; customerIds: string[] }>('service-adequacy');

  /** A meeting of 二部 alone, five days after `now`. */
  async function meetingOfD2(now: Date): Promise<string> {
    const date = new Date(now.getTime() + 5 * DAY).toISOString().slice(0, 10);
    const res = await eventually(
      () => post('/api/v1/meetings', { date, slot: 'AFTERNOON', venue: '二部活动室', departmentIds: [ids.d2] }, as.head2),
      (r) => r.status === 201,
    );
    expect(res.status).toBe(201);
    return res.body.id;
  }

  beforeAll(async () => {
    // Scheduled sweeps moved to a minute no run meets: every run here is one this test asked for.
    suite = await startSuite({
      services: ['customers', 'campaigns', 'service-visits'],
      env: { ADEQUACY_CRON: '0 0 1 1 *', VISIT_PLANS_CRON: '0 0 1 1 *', SHEET_CUTOFF_CRON: '0 0 1 1 *' },
    });
    api = session.connect(suite);
    await at(joined);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } }));
    as.e1 = await tokenOf(ids.e1);
    as.e2 = await tokenOf(ids.e2);
    as.head2 = await tokenOf(ids.head2);
    as.head1 = await tokenOf(ids.head1);
    as.director = await tokenOf({ role: 'RESOURCE_DIRECTOR' });
    const res = await post('/api/v1/customers', { name: '王阿姨', phone: '139 2000 0001', source: 'WALK_IN' }, as.e1);
    expect(res.status).toBe(201);
    ids.wang = res.body.id;
    ids.zhao = (await post('/api/v1/customers', { name: '赵大爷', phone: '139 2000 0002', source: 'WALK_IN' }, as.e1)).body.id;
    // service-visits learns her from customer.registered: her first return visit is planned for her owner.
    const plans = await eventually(
      () => get(`/api/v1/visit-plans?customerId=${ids.wang}`),
      (r) => r.status === 200 && r.body.items.length > 0,
    );
    expect(plans.body.items[0]).toMatchObject({ employeeId: ids.e1, status: 'DUE', reason: 'CADENCE' });
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it('on day 89 she is not under-served, and 二部 may not invite her', async () => {
    await at(on(89));
    expect((await adequacySweep()).customerIds).not.toContain(ids.wang);
    expect((await get(`/api/v1/customers/${ids.wang}`)).body.underServed).toBe(false);
    const meeting = await meetingOfD2(on(89));
    const refused = await eventually(
      () => post(`/api/v1/meetings/${meeting}/invitations`, { customerId: ids.wang }, as.e2),
      (r) => r.body?.code !== 'CUSTOMER_NOT_FOUND',
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'CUSTOMER_NOT_IN_DEPARTMENT']);
  });

  it('on day 90 she is flagged; customers shows it, the resource director lists her, and 二部 may invite her (J-2)', async () => {
    await at(on(90, 60_000));
    const result = await adequacySweep();
    expect(result.customerIds).toEqual(expect.arrayContaining([ids.wang, ids.zhao]));
    expect((await adequacySweep()).customerIds).not.toContain(ids.wang);

    const shown = await eventually(() => get(`/api/v1/customers/${ids.wang}`), (r) => r.body.underServed === true);
    expect(shown.body).toMatchObject({ id: ids.wang, ownerId: ids.e1, departmentId: ids.d1, underServed: true });

    const list = await get(`/api/v1/under-served?departmentId=${ids.d1}`, as.director);
    expect(list.status).toBe(200);
    const entry = list.body.items.find((i: { customerId: string }) => i.customerId === ids.wang);
    expect(entry).toMatchObject({ ownerId: ids.e1, departmentId: ids.d1, lastServedAt: null, transfer: { method: 'POST', href: `/api/v1/customers/${ids.wang}/transfer` } });
    expect((await get('/api/v1/under-served', as.e2)).status).toBe(403);

    const meeting = await meetingOfD2(on(90, 60_000));
    const invited = await eventually(
      () => post(`/api/v1/meetings/${meeting}/invitations`, { customerId: ids.wang }, as.e2),
      (r) => r.status === 201,
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ customerId: ids.wang, departmentId: ids.d2 });
  });

  it("the resource director reassigns from the list through customers' transfer; the new owner's window starts then", async () => {
    const list = await get(`/api/v1/under-served?departmentId=${ids.d1}`, as.director);
    const entry = list.body.items.find((i: { customerId: string }) => i.customerId === ids.zhao);
    expect(entry).toBeDefined();
    const moved = await post(entry.transfer.href, { toEmployeeId: ids.e2, reason: 'V-2: 三个月无服务' }, as.director);
    expect(moved.status).toBe(201);
    const shown = await eventually(() => get(`/api/v1/customers/${ids.zhao}`), (r) => r.body.underServed === false);
    expect(shown.body).toMatchObject({ ownerId: ids.e2, departmentId: ids.d2, underServed: false });
    const plans = await eventually(
      () => api.graphql(`{ visitPlans(status: DUE) { items { customerId employeeId reason } } }`, {}, as.e2),
      (r) => (r.data?.visitPlans.items ?? []).some((p: { customerId: string }) => p.customerId === ids.zhao),
    );
    expect(plans.errors).toBeUndefined();
    expect(plans.data.visitPlans.items).toEqual(expect.arrayContaining([{ customerId: ids.zhao, employeeId: ids.e2, reason: 'CADENCE' }]));
  });

  it('a home visit by 一部 serves her again: customers and the graph show it, and 二部 may no longer invite her', async () => {
    await at(on(92));
    const visit = await post('/api/v1/service-records', { customerId: ids.wang, category: 'REGULAR', kind: 'HOME_VISIT', notes: '上门回访', readings: [{ systolic: 135, diastolic: 85 }] }, as.e1);
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ countedAsHomeVisit: true, completedVisitPlan: true });

    const shown = await eventually(() => get(`/api/v1/customers/${ids.wang}`), (r) => r.body.underServed === false);
    expect(shown.body.underServed).toBe(false);
    expect((await get(`/api/v1/under-served?departmentId=${ids.d1}`, as.director)).body.items.map((i: { customerId: string }) => i.customerId)).not.toContain(ids.wang);
    // The sweep does not flag her again, nor announce her served twice.
    const again = await adequacySweep();
    expect(again.customerIds).not.toContain(ids.wang);
    expect(again.served).toBe(0);

    const meeting = await meetingOfD2(on(92));
    const refused = await eventually(
      () => post(`/api/v1/meetings/${meeting}/invitations`, { customerId: ids.wang }, as.e2),
      (r) => r.body?.code === 'CUSTOMER_NOT_IN_DEPARTMENT',
    );
    expect(refused.status).toBe(403);

    const gql = await api.graphql(
      `query ($id: ID!) { customer(id: $id) { id underServed serviceRecords { id category kind createdAt } } }`,
      { id: ids.wang },
      as.e1,
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data.customer).toMatchObject({ id: ids.wang, underServed: false, serviceRecords: [{ id: visit.body.id, category: 'REGULAR', kind: 'HOME_VISIT', createdAt: visit.body.createdAt }] });

    // Readings: the owner sees them, 二部's employee does not.
    const mine = await get(`/api/v1/service-records?customerId=${ids.wang}`, as.e1);
    expect(mine.body.items[0].readings).toEqual([{ systolic: 135, diastolic: 85 }]);
    const theirs = await get(`/api/v1/service-records?customerId=${ids.wang}`, as.e2);
    expect(theirs.body.items[0]).toMatchObject({ readings: null, readingsHidden: true });
  });

  it("refuses 二部's staff a visit record for 一部's customer, and records nothing (P-1)", async () => {
    const before = (await get(`/api/v1/service-records?customerId=${ids.wang}&limit=100`, as.e1)).body.items.length;
    for (const who of [as.e2, as.head2]) {
      const refused = await post('/api/v1/service-records', { customerId: ids.wang, category: 'PRE_SALE', kind: 'HOME_VISIT', notes: '二部上门' }, who);
      expect(codeOf(refused)).toEqual([403, 'CUSTOMER_NOT_IN_DEPARTMENT']);
    }
    const gql = await api.graphql(`mutation ($input: RecordServiceInput!) { recordService(input: $input) { id } }`, { input: { customerId: ids.wang, category: 'REGULAR', kind: 'HOME_VISIT' } }, as.e2);
    expect(gql.errors?.[0].extensions?.code).toBe('CUSTOMER_NOT_IN_DEPARTMENT');
    const after = (await get(`/api/v1/service-records?customerId=${ids.wang}&limit=100`, as.e1)).body.items;
    expect(after).toHaveLength(before);
    expect(JSON.stringify(after)).not.toContain('二部上门');
    // 一部's head may record for her.
    expect((await post('/api/v1/service-records', { customerId: ids.wang, category: 'REGULAR', kind: 'PHONE_CALL', notes: '电话回访' }, as.head1)).status).toBe(201);
  });

  it("hides 一部's notes from 二部's staff, in REST and in the graph, and shows them to 一部's owner and head (P-1)", async () => {
    for (const who of [as.e2, as.head2]) {
      const theirs = await get(`/api/v1/service-records?customerId=${ids.wang}`, who);
      expect(theirs.status).toBe(200);
      expect(theirs.body.items.length).toBeGreaterThanOrEqual(2);
      for (const item of theirs.body.items) expect(item).toMatchObject({ notes: null, notesHidden: true });
      expect(JSON.stringify(theirs.body)).not.toMatch(/上门回访|电话回访/);
    }
    for (const who of [as.e1, as.head1]) {
      const mine = await get(`/api/v1/service-records?customerId=${ids.wang}`, who);
      expect(mine.body.items.map((i: { notes: string }) => i.notes)).toEqual(expect.arrayContaining(['上门回访', '电话回访']));
      expect(mine.body.items.every((i: { notesHidden: boolean }) => !i.notesHidden)).toBe(true);
    }
    const query = `query ($id: ID!) { customer(id: $id) { serviceRecords { kind notes notesHidden } } }`;
    const theirs = await api.graphql(query, { id: ids.wang }, as.e2);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.customer.serviceRecords.every((r: { notes: unknown; notesHidden: boolean }) => r.notes === null && r.notesHidden)).toBe(true);
    const mine = await api.graphql(query, { id: ids.wang }, as.e1);
    expect(mine.data.customer.serviceRecords.map((r: { notes: string }) => r.notes)).toEqual(expect.arrayContaining(['上门回访', '电话回访']));
  });

  it("puts every showing of her readings in customers' one audit trail, and nothing for 二部, who saw none (P-2)", async () => {
    type Entry = { actorId: string; action: string; customerId: string; detail: { fields?: string[]; service?: string } };
    const readingsShownTo = async (employeeId: string) => {
      const res = await get(`/api/v1/audit?customerId=${ids.wang}&actorId=${employeeId}&limit=100`);
      expect(res.status).toBe(200);
      return (res.body.items as Entry[]).filter((e) => e.detail?.service === 'service-visits');
    };
    const shown = await eventually(
      () => readingsShownTo(ids.e1),
      (entries) => entries.length > 0,
    );
    expect(shown[0]).toMatchObject({ actorId: ids.e1, action: 'READ_PERSONAL_DATA', customerId: ids.wang, detail: { fields: ['healthReadings'], service: 'service-visits' } });
    expect(await eventually(() => readingsShownTo(ids.head1), (entries) => entries.length > 0)).not.toEqual([]);
    expect(await readingsShownTo(ids.e2)).toEqual([]);
    expect(await readingsShownTo(ids.head2)).toEqual([]);
  });

  it('records a service the moment customers registered the customer: 200 times, no failure (read your writes)', async () => {
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      const registered = await post('/api/v1/customers', { name: `顾客${i}`, phone: `137${String(40_000_000 + i)}`, source: 'WALK_IN' }, as.e1);
      if (registered.status !== 201) throw new Error(`registration ${i}: ${registered.status} ${JSON.stringify(registered.body)}`);
      const res = await post('/api/v1/service-records', { customerId: registered.body.id, category: 'PRE_SALE', kind: 'PHONE_CALL' }, as.e1);
      if (res.status !== 201) failures.push(`${i}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
