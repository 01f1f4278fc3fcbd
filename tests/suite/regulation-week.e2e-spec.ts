import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

/**
 * One week of the regulation (docs/rules.md) through the gateway only, every service running, the suite clock
 * moved day by day through Monday 2030-11-04 … Sunday 2030-11-10 in BUSINESS_TZ (Asia/Shanghai, +08:00).
 *
 * 一部 (D1, first in the meeting's order): 部长甲 (head), 员工甲, 员工乙. 二部 (D2): 部长乙 (head), 员工丙, 员工丁.
 * Company-wide: 客管 (CRM clerk), 协调助理 (coordinator), 总经理 (general manager), 资源总监 (resource director).
 * Customers before the week: 孙伯 (员工甲, since 2030-08-01, so under-served by Monday), 钱老 and 赵大爷 (员工甲),
 * 冯奶奶 (员工乙), 李叔叔 (员工丙), 蒋先生 (部长乙), all since the Monday before. The week adds 周阿姨, 吴女士, 郑大妈 and
 * 王阿姨 from 一部's outreach event. The joint meeting of 一部 and 二部 is on Sunday afternoon; 二部 alone meets on
 * Friday evening.
 *
 * The steps share state and run in order; the last one checks every customer's owner, stage and points and
 * every employee's fines against what docs/rules.md says the week should have produced.
 */
describe('suite: a week of the regulation, Monday to Sunday, through the gateway', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { admin, post, get, at, sweep, tokenOf, employee, appointHeads } = session;
  const MEETING_DAY = '2030-11-10';
  const STAFF = ['head1', 'e1a', 'e1b', 'head2', 'e2a', 'e2b', 'clerk', 'coordinator', 'gm', 'director'] as const;
  type Staff = (typeof STAFF)[number];
  /** Customers from before the week: 孙伯, 钱老, 赵大爷, 冯奶奶, 李叔叔, 蒋先生. */
  type OldCustomer = 'sun' | 'qian' | 'zhao' | 'feng' | 'li' | 'jiang';
  const OUTREACH_CUSTOMERS = ['zhou', 'wu', 'zheng', 'wang'] as const;
  type Customer = OldCustomer | (typeof OUTREACH_CUSTOMERS)[number];
  /** Who works where: name, role and department (none for the company-wide roles). */
  const CAST: Record<Staff, [string, string, ('d1' | 'd2')?]> = {
    head1: ['部长甲', 'DEPARTMENT_HEAD', 'd1'],
    e1a: ['员工甲', 'EMPLOYEE', 'd1'],
    e1b: ['员工乙', 'EMPLOYEE', 'd1'],
    head2: ['部长乙', 'DEPARTMENT_HEAD', 'd2'],
    e2a: ['员工丙', 'EMPLOYEE', 'd2'],
    e2b: ['员工丁', 'EMPLOYEE', 'd2'],
    clerk: ['客管', 'CRM_CLERK'],
    coordinator: ['协调助理', 'COORDINATOR'],
    gm: ['总经理', 'GENERAL_MANAGER'],
    director: ['资源总监', 'RESOURCE_DIRECTOR'],
  };
  const ids = {} as Record<'d1' | 'd2' | Staff, string>;
  const as = {} as Record<Staff, Record<string, string>>;
  const customer = {} as Record<Customer, string>;
  /** Who received each archive at 一部's allocation (O-4): the one figure of the week the rules leave to the code. */
  const allocatedTo = {} as Record<(typeof OUTREACH_CUSTOMERS)[number], Staff>;
  let joint: string;
  let meetingOfD2: string;
  const complaint = {} as Record<'feng' | 'zhao', string>;
  let wuSale: string;

  const register = (name: string, phone: string, owner: Staff) => session.register(name, phone, as[owner]);

  /** A department head hands in the joint meeting's daily sheet (J-3). */
  const sheet = (department: 'd1' | 'd2', customerIds: string[] = []) =>
    post(`/api/v1/meetings/${joint}/sheets`, { departmentId: ids[department], customerIds }, as[department === 'd1' ? 'head1' : 'head2']);

  async function onTimeSheets(d1: string[] = [], d2: string[] = []): Promise<void> {
    for (const [department, listed] of [['d1', d1], ['d2', d2]] as const) {
      const res = await sheet(department, listed);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ late: false, locked: listed });
    }
  }

  /** An ordinary evening of the window: both sheets at 17:00, and the 18:01 reconciliation fines nobody (J-3, J-7, J-8). */
  async function sheetsOnTime(day: string, d1: string[] = [], d2: string[] = []): Promise<void> {
    await at(`${day}T17:00:00+08:00`);
    await onTimeSheets(d1, d2);
    await at(`${day}T18:01:00+08:00`);
    expect(await sweep('sheet-cutoff')).toEqual({ reconciled: reconciled(day), finesImposed: 0 });
  }

  /** Campaigns learns customers and the V-2 flag from events, so an invitation may wait for them. */
  const invite = (meetingId: string, customerId: string, by: Staff) =>
    eventually(
      () => post(`/api/v1/meetings/${meetingId}/invitations`, { customerId }, as[by]),
      (res) => res.status === 201,
    );

  async function inviteAndConfirm(meetingId: string, customerId: string, by: Staff): Promise<string> {
    const invited = await invite(meetingId, customerId, by);
    expect(invited.status).toBe(201);
    const confirmed = await post(`/api/v1/invitations/${invited.body.id}/confirm`, {}, as[by]);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('CONFIRMED');
    return invited.body.id;
  }

  const reconciled = (...days: string[]) => days.map((day) => ({ meetingId: joint, day }));

  async function pointsOf(customerId: string, balance: number): Promise<number> {
    const res = await eventually(() => get(`/api/v1/points/${customerId}`), (r) => r.status === 200 && r.body.balance === balance);
    expect(res.status).toBe(200);
    return res.body.balance;
  }

  beforeAll(async () => {
    // Scheduled sweeps moved to a minute no run meets: every sweep of the week is one this test runs, at the
    // business time the story gives it.
    const never = '0 0 1 1 *';
    suite = await startSuite({
      services: ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'],
      env: {
        SHEET_CUTOFF_CRON: never,
        LEDGER_AUDIT_CRON: never,
        COMPLAINT_SLA_CRON: never,
        ADEQUACY_CRON: never,
        VISIT_PLANS_CRON: never,
        CLASSIFICATION_CRON: never,
      },
    });
    api = session.connect(suite);

    // 2030-08-01: the company is set up and 员工甲 takes on 孙伯, who will hear from nobody for three months.
    await at('2030-08-01T10:00:00+08:00');
    ids.d1 = await session.department('一部', 'D1');
    ids.d2 = await session.department('二部', 'D2');
    for (const [who, [name, role, department]] of Object.entries(CAST) as [Staff, (typeof CAST)[Staff]][]) {
      ids[who] = await employee(name, role, department && ids[department]);
    }
    await appointHeads([[ids.d1, ids.head1], [ids.d2, ids.head2]]);
    for (const who of STAFF) as[who] = await tokenOf(ids[who]);
    customer.sun = await register('孙伯', '139 3000 0001', 'e1a');

    // The Monday before the week: the rest of the customers the week starts with.
    await at('2030-10-28T10:00:00+08:00');
    customer.qian = await register('钱老', '139 3000 0002', 'e1a');
    customer.zhao = await register('赵大爷', '139 3000 0003', 'e1a');
    customer.feng = await register('冯奶奶', '139 3000 0004', 'e1b');
    customer.li = await register('李叔叔', '139 3000 0005', 'e2a');
    customer.jiang = await register('蒋先生', '139 3000 0006', 'head2');
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it('the week before: the joint meeting of 一部 and 二部 is planned for Sunday afternoon (J-1)', async () => {
    await at('2030-10-28T11:00:00+08:00');
    const health = await get('/health');
    expect(Object.keys(health.body.services).sort()).toEqual(['campaigns', 'complaints', 'customers', 'rewards', 'service-visits']);
    // Campaigns learns the departments from customers' events.
    const planned = await eventually(
      () => post('/api/v1/meetings', { date: MEETING_DAY, slot: 'AFTERNOON', venue: '会议中心三楼', departmentIds: [ids.d1, ids.d2] }, as.head1),
      (res) => res.status === 201,
    );
    expect(planned.status).toBe(201);
    joint = planned.body.id;
  });

  it('Sunday 11-03, the first day of the 7-day window: both departments hand in their sheets before 18:00 (J-3)', async () => {
    await at('2030-11-03T17:00:00+08:00');
    await onTimeSheets();
  });

  it("Monday 09:00: the coordinator's reconciliation of Sunday finds nothing late or missing (J-7, J-8); 孙伯, 95 days without a meeting or a home visit, is under-served (V-2)", async () => {
    await at('2030-11-04T09:00:00+08:00');
    expect(await sweep('sheet-cutoff')).toEqual({ reconciled: reconciled('2030-11-03'), finesImposed: 0 });

    // V-2: 90 days since he joined on 08-01 with neither an attended meeting nor a home visit; everyone else
    // joined a week ago.
    expect((await sweep('service-adequacy')).customerIds).toEqual([customer.sun]);
    const shown = await eventually(() => get(`/api/v1/customers/${customer.sun}`), (r) => r.body.underServed === true);
    expect(shown.body).toMatchObject({ ownerId: ids.e1a, departmentId: ids.d1, underServed: true });
    const list = await get(`/api/v1/under-served?departmentId=${ids.d1}`, as.director);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { customerId: string }) => i.customerId)).toEqual([customer.sun]);
  });

  it('Monday: 一部 holds an outreach event; the CRM centre enters its archives, a duplicate and a bad row reported; the head allocates the new customers evenly (O-1..O-4)', async () => {
    await at('2030-11-04T09:30:00+08:00');
    const event = await post('/api/v1/outreach-events', { departmentId: ids.d1, date: '2030-11-04', participantIds: [ids.e1a, ids.e1b] }, as.head1);
    expect(event.status).toBe(201);

    const records = [
      { name: '周阿姨', phone: '136 0000 0001' },
      { name: '吴女士', phone: '136 0000 0002' },
      { name: '郑大妈', phone: '136 0000 0003' },
      { name: '王阿姨', phone: '136 0000 0004' },
      { name: '钱老', phone: '13930000002' },
      { name: '无名', phone: '12345' },
    ];
    // Customers learns the outreach event from campaigns' `outreach.recorded`.
    const batch = await eventually(
      () => post('/api/v1/archive-batches', { outreachEventId: event.body.id, records }, as.clerk),
      (res) => res.status === 201,
    );
    expect(batch.status).toBe(201);
    // O-3: 钱老's phone is a customer already (never re-allocated); row 6 is no mainland mobile number.
    expect(batch.body.accepted).toBe(4);
    expect(batch.body.duplicates).toEqual([expect.objectContaining({ row: 5, customerId: customer.qian })]);
    expect(batch.body.invalid.map((i: { row: number }) => i.row)).toEqual([6]);

    const allocation = await post(`/api/v1/archive-batches/${batch.body.id}/allocation`, {}, as.head1);
    expect(allocation.status).toBe(201);
    // O-4: four new customers between the two participants: two each.
    const given = allocation.body.allocations as { employeeId: string; customerIds: string[] }[];
    expect(given.map((a) => a.employeeId).sort()).toEqual([ids.e1a, ids.e1b].sort());
    expect(given.map((a) => a.customerIds.length)).toEqual([2, 2]);
    for (const { employeeId, customerIds } of given) {
      const who = employeeId === ids.e1a ? 'e1a' : 'e1b';
      for (const id of customerIds) {
        const res = await get(`/api/v1/customers/${id}`);
        expect(res.body.ownerId).toBe(employeeId);
        const key = OUTREACH_CUSTOMERS[records.findIndex((r) => r.name === res.body.name)];
        customer[key] = id;
        allocatedTo[key] = who;
      }
    }
    expect(Object.keys(allocatedTo).sort()).toEqual([...OUTREACH_CUSTOMERS].sort());
  });

  it("Monday 10:00: 冯奶奶 complains to the general manager about 员工乙: 100 yuan each for 员工乙 and 一部's head (C-1, C-3)", async () => {
    await at('2030-11-04T10:00:00+08:00');
    const filed = await eventually(
      () =>
        post(
          '/api/v1/complaints',
          { customerId: customer.feng, employeeId: ids.e1b, cause: 'WORK_ATTITUDE', channel: 'TO_GENERAL_MANAGER', description: '员工态度冷淡，顾客直接找总经理' },
          as.gm,
        ),
      (res) => res.status === 201,
    );
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'OPEN', departmentId: ids.d1 });
    complaint.feng = filed.body.id;
  });

  it("Monday: 二部 plans its own Friday evening meeting; 员工丁 may invite 一部's under-served 孙伯 to it, not 一部's 钱老 (J-2, V-2)", async () => {
    await at('2030-11-04T11:00:00+08:00');
    const planned = await post('/api/v1/meetings', { date: '2030-11-08', slot: 'EVENING', venue: '二部活动室', departmentIds: [ids.d2] }, as.head2);
    expect(planned.status).toBe(201);
    meetingOfD2 = planned.body.id;
    await inviteAndConfirm(meetingOfD2, customer.sun, 'e2b');
    expect(codeOf(await post(`/api/v1/meetings/${meetingOfD2}/invitations`, { customerId: customer.qian }, as.e2b))).toEqual([403, 'CUSTOMER_NOT_IN_DEPARTMENT']);
  });

  it('Monday 17:00 both sheets on time; the 18:01 reconciliation fines nobody (J-3, J-7)', async () => {
    await sheetsOnTime('2030-11-04');
  });

  it('Tuesday 10:00: 一部\'s head finds 赵大爷 poorly served by 员工甲: a DISCOVERED complaint, 100 yuan for 员工甲 (C-2)', async () => {
    await at('2030-11-05T10:00:00+08:00');
    const filed = await post(
      '/api/v1/complaints',
      { customerId: customer.zhao, employeeId: ids.e1a, cause: 'SERVICE_NOT_IN_PLACE', channel: 'DISCOVERED', description: '承诺的血压测量没有上门' },
      as.head1,
    );
    expect(filed.status).toBe(201);
    complaint.zhao = filed.body.id;
  });

  it("Tuesday: 一部 confirms 周阿姨 but hands its sheet in at 18:30: late, counted for Wednesday, a claim and not a lock (J-3, J-4); the reconciliation fines 一部's head 10 yuan (J-7)", async () => {
    await at('2030-11-05T11:00:00+08:00');
    await inviteAndConfirm(joint, customer.zhou, allocatedTo.zhou);
    await at('2030-11-05T17:00:00+08:00');
    expect((await sheet('d2')).body.late).toBe(false);
    await at('2030-11-05T18:30:00+08:00');
    const late = await sheet('d1', [customer.zhou]);
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ forDay: '2030-11-05', effectiveDay: '2030-11-06', late: true, locked: [], pending: [customer.zhou] });
    await at('2030-11-05T18:31:00+08:00');
    expect(await sweep('sheet-cutoff')).toEqual({ reconciled: reconciled('2030-11-05'), finesImposed: 1 });
  });

  it('Wednesday 10:00: 员工甲 records what he did about 赵大爷\'s complaint and his head marks it resolved within the 3 days (the employee concerned may not), and a follow-up visit is planned for him (C-5, V-3)', async () => {
    await at('2030-11-06T10:00:00+08:00');
    expect(codeOf(await post(`/api/v1/complaints/${complaint.zhao}/resolution`, { note: '员工甲上门测量血压并致歉' }, as.e1a))).toEqual([403, 'SELF_RESOLUTION_FORBIDDEN']);
    expect((await post(`/api/v1/complaints/${complaint.zhao}/actions`, { note: '员工甲上门测量血压并致歉' }, as.e1a)).status).toBe(201);
    const resolved = await post(`/api/v1/complaints/${complaint.zhao}/resolution`, { note: '部门经理核实：已上门致歉' }, as.head1);
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('RESOLVED');
    const plans = await eventually(
      () => get(`/api/v1/visit-plans?customerId=${customer.zhao}`),
      (r) => r.status === 200 && r.body.items.some((p: { reason: string }) => p.reason === 'COMPLAINT_FOLLOW_UP'),
    );
    expect(plans.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'COMPLAINT_FOLLOW_UP', employeeId: ids.e1a })]));
  });

  it("Wednesday: 二部 confirms 周阿姨 and lists her on time: its on-time sheet beats 一部's late one, she is 二部's for the meeting (J-4, J-5, J-8); 一部 lists 吴女士", async () => {
    await at('2030-11-06T15:00:00+08:00');
    // Only claimed by 一部's late sheet, so 二部 may still invite and confirm her.
    await inviteAndConfirm(joint, customer.zhou, 'e2a');
    await inviteAndConfirm(joint, customer.wu, allocatedTo.wu);
    await at('2030-11-06T17:00:00+08:00');
    await onTimeSheets([customer.wu], [customer.zhou]);
    // Locked: nobody of the other department may invite her any more, and is told who holds her.
    const colleague = allocatedTo.zhou === 'e1a' ? 'e1b' : 'e1a';
    const refused = await post(`/api/v1/meetings/${joint}/invitations`, { customerId: customer.zhou }, as[colleague]);
    expect(codeOf(refused)).toEqual([409, 'INVITATION_LOCKED_BY_OTHER_DEPARTMENT']);
    expect(refused.body.holderDepartmentId).toBe(ids.d2);

    await at('2030-11-06T18:01:00+08:00');
    expect(await sweep('sheet-cutoff')).toEqual({ reconciled: reconciled('2030-11-06'), finesImposed: 0 });
    const [day] = (await get(`/api/v1/meetings/${joint}/reconciliations?day=2030-11-06`, as.head1)).body.items;
    expect(day.report.duplicates.settled).toEqual([
      { customerId: customer.zhou, holderDepartmentId: ids.d2, losers: [expect.objectContaining({ departmentId: ids.d1, reason: 'ON_TIME_BEATS_LATE' })] },
    ]);
  });

  it("Thursday 09:00: 员工甲 visits 赵大爷 at home within a day of the resolution, so the follow-up is done (V-3); 赵大爷 rates the resolution 4 of 5 (C-5, V-4)", async () => {
    await at('2030-11-07T09:00:00+08:00');
    const visit = await post('/api/v1/service-records', { customerId: customer.zhao, category: 'AFTER_SALE', kind: 'HOME_VISIT', notes: '投诉处理后回访' }, as.e1a);
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ countedAsHomeVisit: true, completedVisitPlan: true });
    const plans = (await get(`/api/v1/visit-plans?customerId=${customer.zhao}`)).body.items as { reason: string; status: string }[];
    expect(plans.filter((p) => p.reason === 'COMPLAINT_FOLLOW_UP').map((p) => p.status)).toEqual(['DONE']);

    const survey = await post('/api/v1/surveys', { customerId: customer.zhao, subjectType: 'COMPLAINT_RESOLUTION', subjectId: complaint.zhao, score: 4, comment: '处理及时' }, as.head1);
    expect(survey.status).toBe(201);
    expect(survey.body).toMatchObject({ employeeId: ids.e1a, departmentId: ids.d1 });
  });

  it("Thursday: 72 hours after filing, 冯奶奶's complaint is still open: 500 yuan each for 员工乙 and 一部's head, and she moves to 二部's 员工丁 (C-4)", async () => {
    await at('2030-11-07T09:59:00+08:00');
    expect((await sweep('complaint-sla')).breached).toBe(0);
    await at('2030-11-07T10:01:00+08:00');
    expect(await sweep('complaint-sla')).toMatchObject({ breached: 1, finesImposed: 2, complaintIds: [complaint.feng] });
    expect((await sweep('complaint-sla')).breached).toBe(0);
    // C-4: to an employee of another department. 二部 is the only other one; in it the one with the fewest
    // customers (issue 5) is 员工丁, who has none (部长乙 has 蒋先生, 员工丙 has 李叔叔).
    const moved = await eventually(() => get(`/api/v1/customers/${customer.feng}`), (r) => r.body.ownerId === ids.e2b);
    expect(moved.body).toMatchObject({ ownerId: ids.e2b, departmentId: ids.d2 });
    expect(JSON.stringify((await get(`/api/v1/customers/${customer.feng}/history`)).body)).toContain(complaint.feng);
  });

  it('Thursday: 二部 confirms its own 李叔叔; both sheets on time, no fines (J-2, J-3)', async () => {
    await at('2030-11-07T11:00:00+08:00');
    await inviteAndConfirm(joint, customer.li, 'e2a');
    await sheetsOnTime('2030-11-07', [], [customer.li]);
  });

  it("Friday: 二部 hands in no sheet, 10 yuan for its head (J-7); at 二部's evening meeting 孙伯 checks in and is served again (J-9, V-2)", async () => {
    await at('2030-11-08T17:00:00+08:00');
    expect((await sheet('d1')).body.late).toBe(false);
    await at('2030-11-08T18:01:00+08:00');
    expect(await sweep('sheet-cutoff')).toEqual({ reconciled: reconciled('2030-11-08'), finesImposed: 1 });
    const [day] = (await get(`/api/v1/meetings/${joint}/reconciliations?day=2030-11-08`, as.head2)).body.items;
    expect(day.report).toMatchObject({ late: [], missing: [ids.d2] });

    await at('2030-11-08T19:00:00+08:00');
    const checkIn = await post(`/api/v1/meetings/${meetingOfD2}/check-ins`, { customerId: customer.sun }, as.e2b);
    expect(checkIn.status).toBe(201);
    const shown = await eventually(() => get(`/api/v1/customers/${customer.sun}`), (r) => r.body.underServed === false);
    expect(shown.body).toMatchObject({ ownerId: ids.e1a, underServed: false });
    const list = await get(`/api/v1/under-served?departmentId=${ids.d1}`, as.director);
    expect(list.body.items).toEqual([]);
  });

  it('Saturday: both sheets on time, no fines (J-3)', async () => {
    await sheetsOnTime('2030-11-09');
  });

  it('Sunday, the meeting day: sheets by 10:00, then no new invitation (J-6); the last reconciliation fines nobody (J-7)', async () => {
    await at(`${MEETING_DAY}T09:30:00+08:00`);
    await onTimeSheets();
    await at(`${MEETING_DAY}T10:00:00+08:00`);
    expect(codeOf(await post(`/api/v1/meetings/${joint}/invitations`, { customerId: customer.zheng }, as[allocatedTo.zheng]))).toEqual([
      409,
      'MEETING_CONFIRMATIONS_CLOSED',
    ]);
    await at(`${MEETING_DAY}T10:01:00+08:00`);
    expect(await sweep('sheet-cutoff')).toEqual({ reconciled: reconciled(MEETING_DAY), finesImposed: 0 });
  });

  it('Sunday 14:00: 吴女士 comes brought by 钱老 and buys for 2,500 yuan: 100 + 200 points for him (J-9, J-10, R-1, R-2)', async () => {
    await at(`${MEETING_DAY}T14:00:00+08:00`);
    const wu = allocatedTo.wu;
    const checkIn = await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.wu, referrerId: customer.qian }, as[wu]);
    expect(checkIn.status).toBe(201);
    expect(checkIn.body).toMatchObject({ firstAttendance: true, referrerId: customer.qian, departmentId: ids.d1, employeeId: ids[wu] });
    const sale = await post(`/api/v1/meetings/${joint}/sales`, { customerId: customer.wu, amountFen: 250_000 }, as[wu]);
    expect(sale.status).toBe(201);
    // J-10: credited to the holder of her invitation, her own employee in 一部.
    expect(sale.body).toMatchObject({ creditedEmployeeId: ids[wu], creditedDepartmentId: ids.d1, referrerId: customer.qian });
    wuSale = sale.body.id;
    // 100 for bringing her to her first meeting; R-2: floor(2,500 / 1,000) × 100 = 200.
    expect(await pointsOf(customer.qian, 300)).toBe(300);
  });

  it("Sunday: 周阿姨's own employee helps sell only with 员工丙's consent and never while he presents; her purchase is 员工丙's, who holds her invitation (J-5, J-10); 李叔叔 buys three times", async () => {
    expect((await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.zhou }, as.e2a)).status).toBe(201);
    const owner = allocatedTo.zhou;
    const pitch = (by: Staff) => post(`/api/v1/meetings/${joint}/pitches`, { customerId: customer.zhou }, as[by]);
    expect(codeOf(await pitch(owner))).toEqual([403, 'PITCH_NEEDS_CONSENT']);
    const presenting = await pitch('e2a');
    expect(presenting.status).toBe(201);
    expect((await post(`/api/v1/meetings/${joint}/pitch-consents`, { customerId: customer.zhou, employeeId: ids[owner] }, as.e2a)).status).toBe(201);
    expect(codeOf(await pitch(owner))).toEqual([409, 'PITCH_IN_PROGRESS']);
    expect((await post(`/api/v1/pitches/${presenting.body.id}/end`, {}, as.e2a)).status).toBe(200);
    expect((await pitch(owner)).status).toBe(201);

    const zhou = await post(`/api/v1/meetings/${joint}/sales`, { customerId: customer.zhou, amountFen: 80_000 }, as[owner]);
    expect(zhou.status).toBe(201);
    expect(zhou.body).toMatchObject({ creditedEmployeeId: ids.e2a, creditedDepartmentId: ids.d2 });

    expect((await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.li }, as.e2a)).status).toBe(201);
    for (const amountFen of [30_000, 40_000, 50_000]) {
      const sale = await post(`/api/v1/meetings/${joint}/sales`, { customerId: customer.li, amountFen }, as.e2a);
      expect(sale.status).toBe(201);
      expect(sale.body.creditedEmployeeId).toBe(ids.e2a);
    }
  });

  it('Sunday: 员工甲 and 员工丙 argued over 周阿姨 in front of customers: recorded, 100 yuan each, ruled by the coordinator afterwards (J-11)', async () => {
    const dispute = await post(
      `/api/v1/meetings/${joint}/disputes`,
      { partyEmployeeIds: [ids.e1a, ids.e2a], customerId: customer.zhou, description: '两部员工当着顾客争执周阿姨的归属', arguedInFrontOfCustomers: true },
      as.coordinator,
    );
    expect(dispute.status).toBe(201);
    await at(`${MEETING_DAY}T17:30:00+08:00`);
    const ruling = await post(
      `/api/v1/disputes/${dispute.body.id}/ruling`,
      { outcome: 'RULED', ruling: '二部报表按时，顾客归二部邀约', awardedDepartmentId: ids.d2 },
      as.coordinator,
    );
    expect(ruling.status).toBe(200);
  });

  it("Sunday 20:00: 吴女士 returns 600 yuan of her purchase: 1,900 yuan net earns 100, so 钱老 loses 100 points (R-2, R-3)", async () => {
    await at(`${MEETING_DAY}T20:00:00+08:00`);
    const refund = await post(`/api/v1/sales/${wuSale}/refunds`, { amountFen: 60_000 }, as[allocatedTo.wu]);
    expect(refund.status).toBe(201);
    expect(await pointsOf(customer.qian, 200)).toBe(200);
  });

  it('Sunday night: the nightly sweeps find nothing new: no complaint past due, nobody under-served, the ledger matches its balances', async () => {
    await at(`${MEETING_DAY}T23:30:00+08:00`);
    expect((await sweep('complaint-sla')).breached).toBe(0);
    expect((await sweep('service-adequacy')).customerIds).toEqual([]);
    await sweep('classification');
    await sweep('visit-plans');
    expect(await sweep('ledger-audit')).toMatchObject({ drift: 0 });
  });

  it("the week's outcome: every customer's owner, stage and points, and every employee's fines, as docs/rules.md says", async () => {
    // Owner: as registered or allocated (O-4), except 冯奶奶, moved by the breach (C-4). Nobody moved 孙伯:
    // V-2 lets the resource director do it, it does not happen by itself.
    // Stage (S-1, first rule that holds):
    //   PROBLEM  冯奶奶 (her complaint is still open), 赵大爷 (his was resolved on Wednesday, within 30 days);
    //   LOYAL    李叔叔 (3 purchases within 365 days);
    //   NEW      周阿姨 (first purchase today), 吴女士 (first purchase today, 1,900 of 2,500 yuan kept: not fully refunded);
    //   POTENTIAL everyone else: no purchase yet.
    // Under-served (V-2): nobody; 孙伯 attended 二部's meeting on Friday, everyone else joined within 90 days.
    // Points: 钱老 100 (R-1) + 200 (R-2, 2,500 yuan) − 100 (R-2 after the refund, 1,900 yuan) = 200; nobody
    // else brought anyone.
    const expectedCustomers: Record<Customer, { owner: Staff; stage: string; points: number; underServed: boolean }> = {
      sun: { owner: 'e1a', stage: 'POTENTIAL', points: 0, underServed: false },
      qian: { owner: 'e1a', stage: 'POTENTIAL', points: 200, underServed: false },
      zhao: { owner: 'e1a', stage: 'PROBLEM', points: 0, underServed: false },
      feng: { owner: 'e2b', stage: 'PROBLEM', points: 0, underServed: false },
      li: { owner: 'e2a', stage: 'LOYAL', points: 0, underServed: false },
      jiang: { owner: 'head2', stage: 'POTENTIAL', points: 0, underServed: false },
      zhou: { owner: allocatedTo.zhou, stage: 'NEW', points: 0, underServed: false },
      wu: { owner: allocatedTo.wu, stage: 'NEW', points: 0, underServed: false },
      zheng: { owner: allocatedTo.zheng, stage: 'POTENTIAL', points: 0, underServed: false },
      wang: { owner: allocatedTo.wang, stage: 'POTENTIAL', points: 0, underServed: false },
    };
    // Fines (R-4; amounts in fen):
    //   部长甲  J-7 10 yuan (Tuesday's late sheet), C-3 100 and C-4 500 (冯奶奶, as 员工乙's head);
    //   员工甲  C-2 100 (赵大爷, discovered), J-11 100 (argued in front of customers);
    //   员工乙  C-3 100, C-4 500 (冯奶奶);
    //   部长乙  J-7 10 yuan (Friday's missing sheet);
    //   员工丙  J-11 100;
    //   员工丁, the clerk, the coordinator, the general manager, the resource director: none.
    // 赵大爷's complaint was resolved in time, so no C-4 for it; every other sheet was on time.
    const expectedFines: Record<Staff, [string, number][]> = {
      head1: [['C-3', 10_000], ['C-4', 50_000], ['J-7', 1_000]],
      e1a: [['C-2', 10_000], ['J-11', 10_000]],
      e1b: [['C-3', 10_000], ['C-4', 50_000]],
      head2: [['J-7', 1_000]],
      e2a: [['J-11', 10_000]],
      e2b: [],
      clerk: [],
      coordinator: [],
      gm: [],
      director: [],
    };

    const customersNow = async () => {
      const table: Partial<Record<Customer, { owner: string; stage: string; points: number; underServed: boolean }>> = {};
      for (const key of Object.keys(expectedCustomers) as Customer[]) {
        const res = await api.graphql(`query($id: ID!) { customer(id: $id) { owner { id } stage points { balance } underServed } }`, { id: customer[key] }, admin);
        expect(res.errors).toBeUndefined();
        const c = res.data.customer as { owner: { id: string }; stage: string; points: { balance: number }; underServed: boolean };
        table[key] = { owner: STAFF.find((s) => ids[s] === c.owner.id) ?? c.owner.id, stage: c.stage, points: c.points.balance, underServed: c.underServed };
      }
      return table;
    };
    // Stages and points follow the day's events; a moment later at most.
    const seen = await eventually(customersNow, (t) => JSON.stringify(t) === JSON.stringify(expectedCustomers));
    expect(seen).toEqual(expectedCustomers);

    const finesNow = async () => {
      const table = {} as Record<Staff, [string, number][]>;
      for (const who of STAFF) {
        const res = await get(`/api/v1/fines?employeeId=${ids[who]}&limit=100`);
        expect(res.status).toBe(200);
        table[who] = (res.body.items as { rule: string; amountFen: number }[]).map((f): [string, number] => [f.rule, f.amountFen]).sort();
      }
      return table;
    };
    const fines = await eventually(finesNow, (t) => JSON.stringify(t) === JSON.stringify(expectedFines));
    expect(fines).toEqual(expectedFines);
  });
});
