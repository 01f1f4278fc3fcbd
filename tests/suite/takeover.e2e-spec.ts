import { codeOf, eventually, RunningSuite, startSuite, SuiteSession } from '@crm/testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * V-2 end to end through the gateway, with the suite clock moved: two customers of 一部 go 90 days without a meeting
 * or a home visit; 二部's employee invites both to a meeting of 二部 (J-2 allows it for under-served customers), and
 * each invitation files a takeover report (campaigns' takeover.reported, kept by customers). The resource director
 * approves one: the customer moves to the inviting employee through the ownership writer (owner, history, audit);
 * and declines the other: nothing moves.
 */
describe('suite: takeover of an under-served customer (V-2)', () => {
  let suite: RunningSuite;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, twoDepartments } = session;
  const joined = new Date('2031-05-05T02:00:00.000Z'); // 10:00 in Shanghai
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'e1' | 'head2' | 'e2' | 'li' | 'sun', string>;
  const as = {} as Record<'e1' | 'e2' | 'head2' | 'director' | 'gm', Record<string, string>>;
  const reports = {} as Record<'li' | 'sun', string>;

  beforeAll(async () => {
    // Scheduled sweeps moved to a minute no run meets: every run here is one this test asked for.
    suite = await startSuite({
      services: ['customers', 'campaigns', 'service-visits'],
      env: { ADEQUACY_CRON: '0 0 1 1 *', VISIT_PLANS_CRON: '0 0 1 1 *', SHEET_CUTOFF_CRON: '0 0 1 1 *' },
    });
    session.connect(suite);
    await at(joined);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } }));
    as.e1 = await tokenOf(ids.e1);
    as.e2 = await tokenOf(ids.e2);
    as.head2 = await tokenOf(ids.head2);
    as.director = await tokenOf({ role: 'RESOURCE_DIRECTOR' });
    as.gm = await tokenOf({ role: 'GENERAL_MANAGER' });
    ids.li = (await post('/api/v1/customers', { name: '李奶奶', phone: '139 3100 0001', source: 'WALK_IN' }, as.e1)).body.id;
    ids.sun = (await post('/api/v1/customers', { name: '孙大爷', phone: '139 3100 0002', source: 'WALK_IN' }, as.e1)).body.id;
    // service-visits learns them from customers' events (their first return visits are planned): only then can its
    // sweep find them unserved.
    for (const who of ['li', 'sun'] as const) {
      await eventually(() => get(`/api/v1/visit-plans?customerId=${ids[who]}`), (r) => r.status === 200 && r.body.items.length > 0);
    }
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it("90 days unserved, 二部's employee invites both to 二部's meeting, and each invitation files a report to the resource director", async () => {
    await at(new Date(joined.getTime() + 90 * DAY + 60_000));
    const swept = await session.sweep<{ customerIds: string[] }>('service-adequacy');
    expect(swept.customerIds).toEqual(expect.arrayContaining([ids.li, ids.sun]));
    await eventually(() => get(`/api/v1/customers/${ids.li}`), (r) => r.body.underServed === true);

    const date = new Date(joined.getTime() + 95 * DAY).toISOString().slice(0, 10);
    const meeting = await post('/api/v1/meetings', { date, slot: 'AFTERNOON', venue: '二部活动室', departmentIds: [ids.d2] }, as.head2);
    expect(meeting.status).toBe(201);
    for (const who of ['li', 'sun'] as const) {
      const invited = await eventually(
        () => post(`/api/v1/meetings/${meeting.body.id}/invitations`, { customerId: ids[who] }, as.e2),
        (r) => r.status === 201,
      );
      expect(invited.status).toBe(201);
      const listed = await eventually(
        () => get('/api/v1/takeover-reports?status=PENDING', as.director),
        (r) => r.status === 200 && r.body.items.some((i: { customerId: string }) => i.customerId === ids[who]),
      );
      const report = listed.body.items.find((i: { customerId: string }) => i.customerId === ids[who]);
      expect(report).toMatchObject({ customerId: ids[who], reportingEmployeeId: ids.e2, invitationId: invited.body.id, status: 'PENDING', decidedAt: null, decidedBy: null });
      reports[who] = report.id;
    }
    // The report is the director's to decide: the employee who filed it and the owning department see nothing.
    expect((await get('/api/v1/takeover-reports', as.e2)).status).toBe(403);
    expect((await get('/api/v1/takeover-reports', as.e1)).status).toBe(403);
  });

  it('approved, the customer moves to the employee who invited, with history and audit; declined, nothing moves', async () => {
    expect(codeOf(await post(`/api/v1/takeover-reports/${reports.li}/approval`, {}, as.e2))[0]).toBe(403);
    const approved = await post(`/api/v1/takeover-reports/${reports.li}/approval`, {}, as.director);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: reports.li, status: 'APPROVED', decidedBy: expect.any(String) });
    expect(codeOf(await post(`/api/v1/takeover-reports/${reports.li}/decline`, { reason: '重复' }, as.director))).toEqual([409, 'TAKEOVER_ALREADY_DECIDED']);

    const li = await get(`/api/v1/customers/${ids.li}`);
    expect(li.body).toMatchObject({ ownerId: ids.e2, departmentId: ids.d2 });
    const history = await get(`/api/v1/customers/${ids.li}/history`);
    expect(history.body.items[0]).toMatchObject({ kind: 'OWNER', from: ids.e1, to: ids.e2 });
    const audit = await eventually(
      () => get(`/api/v1/audit?customerId=${ids.li}`, as.gm),
      (r) => r.status === 200 && r.body.items.some((i: { action: string }) => i.action === 'OWNER_CHANGED'),
    );
    expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'OWNER_CHANGED', customerId: ids.li })]));

    const declined = await post(`/api/v1/takeover-reports/${reports.sun}/decline`, { reason: '一部本周安排上门服务' }, as.director);
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ id: reports.sun, status: 'DECLINED' });
    expect((await get(`/api/v1/customers/${ids.sun}`)).body).toMatchObject({ ownerId: ids.e1, departmentId: ids.d1 });
    expect((await get('/api/v1/takeover-reports?status=PENDING', as.director)).body.items).toEqual([]);
  });
});
