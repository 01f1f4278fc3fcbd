import { Client } from 'pg';
import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

/**
 * The second round of campaigns' rules across services with the suite clock moved, through the gateway only:
 * customers keeps the company and registers the customers, service-visits flags the under-served (V-2), campaigns
 * runs a joint meeting of 一部 and 二部 on 2030-08-10 (AFTERNOON) scheduled two days ahead.
 * - J-3/J-7: the window starts on the day the meeting is scheduled: its first cutoff fines that day only;
 * - J-3: a supplementary sheet after 18:00 is a late one of the day, and the next day's own sheet is still taken;
 * - J-12: a speaker on 二部's sheet is reserved to 二部: 一部 may not invite them (409 naming the holder);
 * - J-11: a ruling awards the disputed customer to 二部: the sale's credit moves, announced as `sale.credit_moved`;
 * - objects guarded: 三部's head learns nothing of the meeting's sheets, reconciliations or disputes;
 * - V-2: inviting another department's under-served customer files `takeover.reported` with the invitation;
 * - read your writes: 200 customers registered and invited at once, no failure.
 */
describe('suite: campaigns, every rule just and every object guarded (J-3, J-7, J-11, J-12, V-2)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, twoDepartments, register, department, employee, appointHeads } = session;
  const MEETING_DAY = '2030-08-10';
  const ids = {} as Record<'d1' | 'd2' | 'd3' | 'head1' | 'e1a' | 'e1b' | 'head2' | 'e2' | 'head3' | 'coordinator', string>;
  const as = {} as Record<'head1' | 'e1a' | 'e1b' | 'head2' | 'e2' | 'head3' | 'coordinator', Record<string, string>>;
  const customer = {} as Record<'neglected' | 'wang' | 'li' | 'zhao' | 'sun', string>;
  let joint: string;
  let sale: string;

  const sweep = () => session.sweep<{ reconciled: { meetingId: string; day: string }[]; finesImposed: number }>('sheet-cutoff');
  const sheet = (body: object, headers: Record<string, string>) => post(`/api/v1/meetings/${joint}/sheets`, body, headers);
  const invite = (meetingId: string, customerId: string, headers: Record<string, string>) => post(`/api/v1/meetings/${meetingId}/invitations`, { customerId }, headers);
  async function inviteAndConfirm(customerId: string, headers: Record<string, string>): Promise<void> {
    const invited = await eventually(() => invite(joint, customerId, headers), (res) => res.body?.code !== 'CUSTOMER_NOT_FOUND');
    expect(invited.status).toBe(201);
    expect((await post(`/api/v1/invitations/${invited.body.id}/confirm`, {}, headers)).status).toBe(200);
  }
  /** campaigns' outbox, read in the suite's database: what campaigns announced, in order. */
  async function outbox(name: string): Promise<Record<string, unknown>[]> {
    const client = new Client({ connectionString: suite.db.url });
    await client.connect();
    try {
      return (await client.query('SELECT payload FROM campaigns.outbox WHERE name = $1 ORDER BY sequence', [name])).rows.map((r: { payload: Record<string, unknown> }) => r.payload);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    suite = await startSuite({
      services: ['customers', 'campaigns', 'service-visits'],
      env: { ADEQUACY_CRON: '0 0 1 1 *', VISIT_PLANS_CRON: '0 0 1 1 *', SHEET_CUTOFF_CRON: '0 0 1 1 *' },
    });
    api = session.connect(suite);
    await at('2030-05-01T09:00:00+08:00');
    Object.assign(ids, await twoDepartments({ d1: { e1a: '员工甲', e1b: '员工乙' }, d2: { e2: '员工丙' } }));
    ids.d3 = await department('三部', 'D3');
    ids.head3 = await employee('部长丙', 'DEPARTMENT_HEAD', ids.d3);
    await appointHeads([[ids.d3, ids.head3]]);
    ids.coordinator = await employee('协调助理', 'COORDINATOR');
    for (const who of ['head1', 'e1a', 'e1b', 'head2', 'e2', 'head3', 'coordinator'] as const) as[who] = await tokenOf(ids[who]);
    // Registered in May and never served since: under-served by August (V-2).
    customer.neglected = await register('孙伯', '139 3000 0001', as.e1a);
    await at('2030-08-05T09:00:00+08:00');
    customer.wang = await register('王阿姨', '139 3000 0002', as.e1a);
    customer.zhao = await register('赵大爷', '139 3000 0003', as.e1b);
    customer.li = await register('李叔叔', '139 3000 0004', as.e2);
    customer.sun = await register('孙奶奶', '139 3000 0005', as.e2);
    expect(api).toBeDefined();
  }, 180_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it("files a takeover report when 二部 invites 一部's under-served customer (V-2): the event leaves with the invitation", async () => {
    const flagged = await session.sweep<{ customerIds: string[] }>('service-adequacy');
    expect(flagged.customerIds).toContain(customer.neglected);
    const planned = await eventually(
      () => post('/api/v1/meetings', { date: '2030-08-07', slot: 'EVENING', venue: '二部活动室', departmentIds: [ids.d2] }, as.head2),
      (res) => res.status === 201,
    );
    // Campaigns hears service-visits' verdict shortly: until then the customer is 一部's alone.
    const invited = await eventually(() => invite(planned.body.id, customer.neglected, as.e2), (res) => res.status === 201);
    expect(invited.status).toBe(201);
    const reports = await outbox('takeover.reported');
    expect(reports).toEqual([
      expect.objectContaining({
        invitationId: invited.body.id,
        meetingId: planned.body.id,
        customerId: customer.neglected,
        ownerId: ids.e1a,
        departmentId: ids.d1,
        reportingEmployeeId: ids.e2,
        reportingDepartmentId: ids.d2,
      }),
    ]);
  });

  it('invites 200 customers each the moment customers registered them, without one failure (read your writes)', async () => {
    const planned = await eventually(
      () => post('/api/v1/meetings', { date: '2030-08-30', slot: 'EVENING', venue: '二部活动室', departmentIds: [ids.d2] }, as.head2),
      (res) => res.status === 201,
    );
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      const registered = await post('/api/v1/customers', { name: `新顾客${i}`, phone: `1394${String(i).padStart(7, '0')}`, source: 'WALK_IN' }, as.e2);
      if (registered.status !== 201) {
        failures.push(`register ${i}: ${registered.status} ${registered.body?.code}`);
        continue;
      }
      const invited = await invite(planned.body.id, registered.body.id, as.e2);
      if (invited.status !== 201) failures.push(`invite ${i}: ${invited.status} ${invited.body?.code}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('fines nobody for the days before the meeting existed: scheduled two days ahead, its first cutoff fines that day only (J-3, J-7)', async () => {
    await at('2030-08-08T10:00:00+08:00');
    const planned = await post('/api/v1/meetings', { date: MEETING_DAY, slot: 'AFTERNOON', venue: '会议中心三楼', departmentIds: [ids.d1, ids.d2] }, as.head1);
    expect(planned.status).toBe(201);
    joint = planned.body.id;
    await at('2030-08-08T17:00:00+08:00');
    expect((await sheet({ departmentId: ids.d1, customerIds: [] }, as.head1)).status).toBe(201);
    await at('2030-08-08T18:01:00+08:00');
    // Before: 08-03 … 08-08 reconciled at once, 5 × 10 yuan on each head for days before the meeting was planned.
    expect(await sweep()).toEqual({ reconciled: [{ meetingId: joint, day: '2030-08-08' }], finesImposed: 1 });
    const days = (await get(`/api/v1/meetings/${joint}/reconciliations`, as.coordinator)).body.items;
    expect(days.map((d: { day: string; report: { missing: string[] } }) => [d.day, d.report.missing])).toEqual([['2030-08-08', [ids.d2]]]);
  });

  it("reserves 二部's speaker: 一部, even the customer's own department, may not invite them, and is told who holds them (J-12)", async () => {
    await at('2030-08-09T11:00:00+08:00');
    await inviteAndConfirm(customer.wang, as.e1a);
    await inviteAndConfirm(customer.wang, as.e2);
    await inviteAndConfirm(customer.li, as.e2);
    await at('2030-08-09T11:30:00+08:00');
    const withSpeaker = await sheet({ departmentId: ids.d2, customerIds: [customer.li], plannedCustomerIds: [customer.zhao], speakerCustomerIds: [customer.zhao] }, as.head2);
    expect(withSpeaker.status).toBe(201);
    expect(withSpeaker.body).toMatchObject({ late: false, locked: [customer.li], speakers: [customer.zhao] });
    const refused = await invite(joint, customer.zhao, as.e1b);
    expect(codeOf(refused)).toEqual([409, 'SPEAKER_RESERVED_BY_OTHER_DEPARTMENT']);
    expect(refused.body.holderDepartmentId).toBe(ids.d2);
    const graph = await api.graphql(`mutation($m: ID!, $c: ID!) { inviteCustomer(meetingId: $m, customerId: $c) { id } }`, { m: joint, c: customer.zhao }, as.e1b);
    expect(graph.errors?.[0].extensions).toMatchObject({ code: 'SPEAKER_RESERVED_BY_OTHER_DEPARTMENT', holderDepartmentId: ids.d2 });
    await at('2030-08-09T12:00:00+08:00');
    expect((await sheet({ departmentId: ids.d1, customerIds: [customer.wang] }, as.head1)).body).toMatchObject({ late: false, locked: [customer.wang] });
  });

  it("takes 二部's supplement after 18:00 as a late sheet of the day, and its own sheet the next morning (J-3, J-4, J-7)", async () => {
    await at('2030-08-09T19:00:00+08:00');
    await inviteAndConfirm(customer.sun, as.e2);
    const supplement = await sheet({ departmentId: ids.d2, customerIds: [customer.sun] }, as.head2);
    expect(supplement.status).toBe(201);
    expect(supplement.body).toMatchObject({ forDay: '2030-08-09', effectiveDay: MEETING_DAY, late: true, pending: [customer.sun] });
    await at('2030-08-09T19:30:00+08:00');
    // Both departments handed in an on-time sheet for 08-09: nobody is fined, the late supplement notwithstanding.
    expect(await sweep()).toEqual({ reconciled: [{ meetingId: joint, day: '2030-08-09' }], finesImposed: 0 });
    const [day] = (await get(`/api/v1/meetings/${joint}/reconciliations?day=2030-08-09`, as.head2)).body.items;
    expect(day.report.sheets.map((s: { departmentId: string; late: boolean }) => [s.departmentId, s.late])).toEqual([[ids.d2, false], [ids.d1, false], [ids.d2, true]]);

    const listed = await get(`/api/v1/meetings/${joint}/sheets?day=2030-08-09`, as.head2);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: { departmentId: string; late: boolean; speakerCustomerIds: string[] }) => [s.departmentId, s.late, s.speakerCustomerIds])).toEqual([
      [ids.d2, false, [customer.zhao]],
      [ids.d2, true, []],
    ]);
    expect((await get(`/api/v1/meetings/${joint}/sheets?day=2030-08-09`, as.coordinator)).body.items).toHaveLength(3);

    // Before: 409 SHEET_ALREADY_SUBMITTED, the supplement having been stored as this day's sheet.
    await at('2030-08-10T09:00:00+08:00');
    const own = await sheet({ departmentId: ids.d2, customerIds: [customer.sun] }, as.head2);
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ forDay: MEETING_DAY, effectiveDay: MEETING_DAY, late: false, locked: [customer.sun] });
    expect((await sheet({ departmentId: ids.d1, customerIds: [] }, as.head1)).status).toBe(201);
    await at('2030-08-10T10:01:00+08:00');
    expect(await sweep()).toEqual({ reconciled: [{ meetingId: joint, day: MEETING_DAY }], finesImposed: 0 });
  });

  it("moves the credit of 王阿姨's sale to 二部 when the ruling awards her to it (J-11)", async () => {
    await at('2030-08-10T14:00:00+08:00');
    expect((await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.wang }, as.e1a)).status).toBe(201);
    const sold = await post(`/api/v1/meetings/${joint}/sales`, { customerId: customer.wang, amountFen: 200_000 }, as.e1a);
    expect(sold.body).toMatchObject({ creditedEmployeeId: ids.e1a, creditedDepartmentId: ids.d1 });
    sale = sold.body.id;
    const dispute = await post(
      `/api/v1/meetings/${joint}/disputes`,
      { partyEmployeeIds: [ids.e1a, ids.e2], customerId: customer.wang, description: '两部都邀约了王阿姨', arguedInFrontOfCustomers: false },
      as.coordinator,
    );
    expect(dispute.status).toBe(201);

    await at('2030-08-10T20:00:00+08:00');
    const ruled = await post(`/api/v1/disputes/${dispute.body.id}/ruling`, { outcome: 'RULED', ruling: '王阿姨判为二部邀约', awardedDepartmentId: ids.d2 }, as.coordinator);
    expect(ruled.status).toBe(200);
    // No employee named: 二部's employee who invited her.
    expect(ruled.body).toMatchObject({ status: 'RULED', awardedDepartmentId: ids.d2, awardedEmployeeId: ids.e2 });
    expect((await get(`/api/v1/sales/${sale}`, as.e2)).body).toMatchObject({ creditedEmployeeId: ids.e2, creditedDepartmentId: ids.d2 });
    expect(codeOf(await get(`/api/v1/sales/${sale}`, as.e1a))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(await outbox('sale.credit_moved')).toEqual([
      expect.objectContaining({ saleId: sale, fromEmployeeId: ids.e1a, fromDepartmentId: ids.d1, toEmployeeId: ids.e2, toDepartmentId: ids.d2, disputeId: dispute.body.id }),
    ]);

    // 三部 takes no part in the meeting: its head learns nothing of it.
    expect(codeOf(await get(`/api/v1/disputes/${dispute.body.id}`, as.head3))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(codeOf(await get(`/api/v1/meetings/${joint}/reconciliations`, as.head3))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(codeOf(await get(`/api/v1/meetings/${joint}/sheets`, as.head3))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    expect(codeOf(await get(`/api/v1/meetings/${joint}/sales`, as.head3))).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
  });
});
