import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

/**
 * J-1..J-10 across services with the suite clock moved, through the gateway only (REST and the federated
 * graph): customers keeps the departments, staff and customers; campaigns learns them from events and runs a
 * joint meeting of 一部 and 二部 on 2030-07-10 (AFTERNOON, window 07-03 … 07-10): invitations across the
 * departments, daily sheets on both sides of the 18:00 cutoff and of the 10:00 meeting-day deadline, the
 * sheet-cutoff sweep's reconciliations and fines, check-in with a referrer and a sale credited to the holder.
 */
describe('suite: a joint meeting from invitation to sale (J-1..J-10)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { admin, post, get, at, tokenOf, twoDepartments, register } = session;
  const MEETING_DAY = '2030-07-10';
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'e1a' | 'e1b' | 'head2' | 'e2', string>;
  const as = {} as Record<'head1' | 'e1a' | 'e1b' | 'head2' | 'e2', Record<string, string>>;
  /** 王阿姨, 赵大爷 and 钱老 belong to 员工甲 (一部), 张奶奶 to 员工乙 (一部), 李叔叔 to 员工丙 (二部). */
  const customer = {} as Record<'wang' | 'zhang' | 'zhao' | 'qian' | 'li', string>;
  let joint: string;
  let onlyD1: string;
  const invitation = {} as Record<'wangByD2' | 'zhangByD1' | 'zhangByD2' | 'zhaoByD1' | 'zhaoByD2' | 'liByD1', string>;

  const sweep = () => session.sweep<{ reconciled: { meetingId: string; day: string }[]; finesImposed: number }>('sheet-cutoff');

  const sheet = (departmentId: string, customerIds: string[], headers: Record<string, string>, plannedCustomerIds?: string[]) =>
    post(`/api/v1/meetings/${joint}/sheets`, { departmentId, customerIds, ...(plannedCustomerIds ? { plannedCustomerIds } : {}) }, headers);

  /** Campaigns learns customers from `customer.registered`, so the first invitation of each waits for it. */
  const invite = (meetingId: string, customerId: string, headers: Record<string, string>) =>
    eventually(
      () => post(`/api/v1/meetings/${meetingId}/invitations`, { customerId }, headers),
      (res) => res.body?.code !== 'CUSTOMER_NOT_FOUND',
    );

  const confirm = (invitationId: string, headers: Record<string, string>) => post(`/api/v1/invitations/${invitationId}/confirm`, {}, headers);

  interface Report {
    day: string;
    late: string[];
    missing: string[];
    sheets: { departmentId: string; late: boolean; effectiveDay: string; customers: number }[];
    duplicates: { settled: { customerId: string; holderDepartmentId: string; losers: { departmentId: string; reason: string }[] }[] };
    fines: { departmentId: string; headId: string | null; status: string }[];
  }

  async function reconciliations(day?: string): Promise<{ day: string; report: Report }[]> {
    const res = await get(`/api/v1/meetings/${joint}/reconciliations${day ? `?day=${day}` : ''}`, as.head1);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  beforeAll(async () => {
    // The scheduled sheet-cutoff sweep (10:01, 16:01, 18:01 real time) moved to a minute no run meets, so every
    // reconciliation here is one this test asked for.
    suite = await startSuite({ services: ['customers', 'campaigns'], env: { SHEET_CUTOFF_CRON: '0 0 1 1 *' } });
    api = session.connect(suite);
    Object.assign(ids, await twoDepartments({ d1: { e1a: '员工甲', e1b: '员工乙' }, d2: { e2: '员工丙' } }));
    for (const who of ['head1', 'e1a', 'e1b', 'head2', 'e2'] as const) as[who] = await tokenOf(ids[who]);
    customer.wang = await register('王阿姨', '139 1000 0001', as.e1a);
    customer.zhao = await register('赵大爷', '139 1000 0002', as.e1a);
    customer.qian = await register('钱老', '139 1000 0003', as.e1a);
    customer.zhang = await register('张奶奶', '139 1000 0004', as.e1b);
    customer.li = await register('李叔叔', '139 1000 0005', as.e2);
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it('plans the joint meeting of 一部 and 二部, and a meeting of 一部 alone (J-1)', async () => {
    await at('2030-07-01T09:00:00+08:00');
    // Campaigns learns the departments from customers' `department.saved`.
    const planned = await eventually(
      () => post('/api/v1/meetings', { date: MEETING_DAY, slot: 'AFTERNOON', venue: '会议中心三楼', departmentIds: [ids.d1, ids.d2] }, as.head1),
      (res) => res.status === 201,
    );
    expect(planned.status).toBe(201);
    joint = planned.body.id;
    const single = await post('/api/v1/meetings', { date: '2030-07-12', slot: 'EVENING', venue: '礼堂', departmentIds: [ids.d1] }, as.head1);
    expect(single.status).toBe(201);
    onlyD1 = single.body.id;

    const gql = await api.graphql(`query($id: ID!) { meeting(id: $id) { date slot joint departments { code } } }`, { id: joint }, as.head2);
    expect(gql.errors).toBeUndefined();
    expect(gql.data.meeting).toEqual({ date: MEETING_DAY, slot: 'AFTERNOON', joint: true, departments: [{ code: 'D1' }, { code: 'D2' }] });
  });

  it("invites customers across the joint meeting's departments and refuses a customer of a department outside a meeting (J-2)", async () => {
    // 二部 invites 一部's 王阿姨 through the graph, and she agrees.
    const byGraph = await eventually(
      () =>
        api.graphql(`mutation($m: ID!, $c: ID!) { inviteCustomer(meetingId: $m, customerId: $c) { id status employeeId departmentId } }`, { m: joint, c: customer.wang }, as.e2),
      (res) => res.errors?.[0]?.extensions?.code !== 'CUSTOMER_NOT_FOUND',
    );
    expect(byGraph.errors).toBeUndefined();
    expect(byGraph.data.inviteCustomer).toMatchObject({ status: 'INVITED', employeeId: ids.e2, departmentId: ids.d2 });
    invitation.wangByD2 = byGraph.data.inviteCustomer.id;
    const agreed = await confirm(invitation.wangByD2, as.e2);
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'CONFIRMED', customerId: customer.wang, departmentId: ids.d2 });

    // 一部 invites 二部's 李叔叔; both departments invite 赵大爷; 一部 confirms its own 张奶奶.
    const li = await invite(joint, customer.li, as.e1a);
    expect(li.status).toBe(201);
    expect(li.body).toMatchObject({ status: 'INVITED', employeeId: ids.e1a, departmentId: ids.d1 });
    invitation.liByD1 = li.body.id;
    for (const [key, who, employeeOf] of [['zhaoByD1', as.e1a, ids.e1a], ['zhaoByD2', as.e2, ids.e2]] as const) {
      const res = await invite(joint, customer.zhao, who);
      expect(res.status).toBe(201);
      expect(res.body.employeeId).toBe(employeeOf);
      invitation[key] = res.body.id;
    }
    const zhang = await invite(joint, customer.zhang, as.e1b);
    expect(zhang.status).toBe(201);
    invitation.zhangByD1 = zhang.body.id;
    expect((await confirm(invitation.zhangByD1, as.e1b)).body.status).toBe('CONFIRMED');

    // 二部 does not take part in the meeting of 一部 alone: its customer cannot be invited there.
    const outside = await invite(onlyD1, customer.li, as.e1a);
    expect(codeOf(outside)).toEqual([403, 'CUSTOMER_NOT_IN_DEPARTMENT']);
    expect(outside.body.ownerDepartmentId).toBe(ids.d2);
  });

  it('takes no sheet before the window opens: 23:59:59 the day before its first day (J-3)', async () => {
    await at('2030-07-02T23:59:59+08:00');
    expect(codeOf(await sheet(ids.d2, [customer.wang], as.head2))).toEqual([422, 'SHEET_WINDOW_NOT_OPEN']);
  });

  it("locks a customer at once with an on-time sheet at 17:59:59 on the window's first day, and names the holder to the other department (J-3, J-4)", async () => {
    await at('2030-07-03T17:59:59+08:00');
    const onTime = await sheet(ids.d2, [customer.wang], as.head2, [customer.zhang]);
    expect(onTime.status).toBe(201);
    expect(onTime.body).toMatchObject({ forDay: '2030-07-03', effectiveDay: '2030-07-03', late: false, locked: [customer.wang], heldByOthers: [], pending: [] });

    const rest = await invite(joint, customer.wang, as.e1a);
    expect(codeOf(rest)).toEqual([409, 'INVITATION_LOCKED_BY_OTHER_DEPARTMENT']);
    expect(rest.body.holderDepartmentId).toBe(ids.d2);
    const graph = await api.graphql(`mutation($m: ID!, $c: ID!) { inviteCustomer(meetingId: $m, customerId: $c) { id } }`, { m: joint, c: customer.wang }, as.e1b);
    expect(graph.errors?.[0].extensions).toMatchObject({ code: 'INVITATION_LOCKED_BY_OTHER_DEPARTMENT', holderDepartmentId: ids.d2 });
  });

  it('counts a sheet handed in at 18:00:00 for the next day, as late: a claim, not a lock (J-3, J-4)', async () => {
    await at('2030-07-03T18:00:00+08:00');
    const late = await sheet(ids.d1, [customer.zhang], as.head1);
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ forDay: '2030-07-03', effectiveDay: '2030-07-04', late: true, locked: [], pending: [customer.zhang] });
  });

  it('reconciles the day once however often the sheet-cutoff sweep runs: the late sheet fined once (J-7, J-8)', async () => {
    await at('2030-07-03T18:01:00+08:00');
    expect(await sweep()).toEqual({ reconciled: [{ meetingId: joint, day: '2030-07-03' }], finesImposed: 1 });
    expect(await sweep()).toEqual({ reconciled: [], finesImposed: 0 });
    const [day] = await reconciliations('2030-07-03');
    expect(day.report).toMatchObject({ day: '2030-07-03', late: [ids.d1], missing: [], fines: [{ departmentId: ids.d1, headId: ids.head1, status: 'LATE' }] });
    expect(day.report.sheets.map((s) => [s.departmentId, s.late, s.effectiveDay]).sort()).toEqual(
      [[ids.d1, true, '2030-07-04'], [ids.d2, false, '2030-07-03']].sort(),
    );
  });

  it('settles the late claim at its effective day: the on-time sheet of the other department wins (J-4, J-5, J-8)', async () => {
    // 张奶奶 is only claimed by 一部's late sheet, so 二部 may still invite and confirm her.
    await at('2030-07-04T16:00:00+08:00');
    const zhang = await invite(joint, customer.zhang, as.e2);
    expect(zhang.status).toBe(201);
    invitation.zhangByD2 = zhang.body.id;
    expect((await confirm(invitation.zhangByD2, as.e2)).status).toBe(200);
    await at('2030-07-04T17:00:00+08:00');
    const onTime = await sheet(ids.d2, [customer.zhang], as.head2);
    expect(onTime.body).toMatchObject({ forDay: '2030-07-04', effectiveDay: '2030-07-04', late: false, locked: [customer.zhang] });

    await at('2030-07-04T18:00:30+08:00');
    expect(await sweep()).toEqual({ reconciled: [{ meetingId: joint, day: '2030-07-04' }], finesImposed: 1 });
    expect(await sweep()).toEqual({ reconciled: [], finesImposed: 0 });
    const [day] = await reconciliations('2030-07-04');
    expect(day.report).toMatchObject({ late: [], missing: [ids.d1], fines: [{ departmentId: ids.d1, headId: ids.head1, status: 'MISSING' }] });
    expect(day.report.duplicates.settled).toEqual([
      { customerId: customer.zhang, holderDepartmentId: ids.d2, losers: [expect.objectContaining({ departmentId: ids.d1, reason: 'ON_TIME_BEATS_LATE' })] },
    ]);
  });

  it('opens check-in on the meeting day only (J-9)', async () => {
    await at('2030-07-09T12:00:00+08:00');
    expect(codeOf(await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.wang }, as.e2))).toEqual([409, 'CHECK_IN_NOT_OPEN']);
  });

  it("counts a sheet after 18:00 on the window's last evening for the meeting day (J-3)", async () => {
    await at('2030-07-09T18:00:00+08:00');
    const late = await sheet(ids.d2, [], as.head2);
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ forDay: '2030-07-09', effectiveDay: MEETING_DAY, late: true });
  });

  it('takes confirmations and sheets until 09:59 on the day of an afternoon meeting, none from 10:00 (J-6)', async () => {
    await at('2030-07-10T09:59:00+08:00');
    expect((await confirm(invitation.zhaoByD1, as.e1a)).body.status).toBe('CONFIRMED');
    const lastDay = await sheet(ids.d1, [customer.zhao], as.head1);
    expect(lastDay.status).toBe(201);
    expect(lastDay.body).toMatchObject({ forDay: MEETING_DAY, effectiveDay: MEETING_DAY, late: false, locked: [customer.zhao] });

    await at('2030-07-10T10:00:00+08:00');
    const confirmation = await confirm(invitation.zhaoByD2, as.e2);
    expect(codeOf(confirmation)).toEqual([409, 'MEETING_CONFIRMATIONS_CLOSED']);
    expect(codeOf(await sheet(ids.d2, [], as.head2))).toEqual([409, 'MEETING_CONFIRMATIONS_CLOSED']);
    expect(codeOf(await post(`/api/v1/meetings/${joint}/invitations`, { customerId: customer.qian }, as.e2))).toEqual([409, 'MEETING_CONFIRMATIONS_CLOSED']);
    expect((await get(`/api/v1/invitations/${invitation.zhaoByD2}`, as.e2)).body.status).toBe('INVITED');
  });

  it('reconciles the rest of the window once, one fine per late or missing sheet and day (J-7, J-8)', async () => {
    await at('2030-07-10T10:01:00+08:00');
    const first = await sweep();
    expect(first.reconciled).toEqual(['2030-07-05', '2030-07-06', '2030-07-07', '2030-07-08', '2030-07-09', MEETING_DAY].map((day) => ({ meetingId: joint, day })));
    // 一部 missed 07-05 … 07-09; 二部 missed 07-05 … 07-08 and 07-10, and was late on 07-09.
    expect(first.finesImposed).toBe(11);
    expect(await sweep()).toEqual({ reconciled: [], finesImposed: 0 });

    const days = await reconciliations();
    expect(days.map((d) => d.day)).toEqual(['2030-07-03', '2030-07-04', '2030-07-05', '2030-07-06', '2030-07-07', '2030-07-08', '2030-07-09', MEETING_DAY]);
    const finesOf = (departmentId: string) =>
      days.flatMap((d) => d.report.fines.filter((f) => f.departmentId === departmentId).map((f) => [d.day, f.status, f.headId]));
    const missing = (head: string, ...dates: string[]) => dates.map((d) => [d, 'MISSING', head]);
    expect(finesOf(ids.d1)).toEqual([
      ['2030-07-03', 'LATE', ids.head1],
      ...missing(ids.head1, '2030-07-04', '2030-07-05', '2030-07-06', '2030-07-07', '2030-07-08', '2030-07-09'),
    ]);
    expect(finesOf(ids.d2)).toEqual([
      ...missing(ids.head2, '2030-07-05', '2030-07-06', '2030-07-07', '2030-07-08'),
      ['2030-07-09', 'LATE', ids.head2],
      ...missing(ids.head2, MEETING_DAY),
    ]);
    const [meetingDay] = days.slice(-1);
    expect(meetingDay.report).toMatchObject({ late: [], missing: [ids.d2] });
  });

  it("checks 王阿姨 in with the customer who brought her and credits her purchase to the lock holder's employee, then refunds part of it (J-9, J-10)", async () => {
    await at('2030-07-10T14:00:00+08:00');
    const checkIn = await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.wang, referrerId: customer.qian }, as.e2);
    expect(checkIn.status).toBe(201);
    expect(checkIn.body).toMatchObject({ firstAttendance: true, referrerId: customer.qian, departmentId: ids.d2, employeeId: ids.e2, invitationId: invitation.wangByD2 });

    // Her own employee 员工甲 (一部) helps sell, with consent; the sale is 二部's, whose invitation holds her.
    const sale = await post(`/api/v1/meetings/${joint}/sales`, { customerId: customer.wang, amountFen: 250_000 }, as.e1a);
    expect(sale.status).toBe(201);
    expect(sale.body).toMatchObject({ amountFen: 250_000, creditedEmployeeId: ids.e2, creditedDepartmentId: ids.d2, referrerId: customer.qian });

    // 张奶奶 counts for 二部 too: its on-time sheet beat 一部's late one (J-5).
    expect((await post(`/api/v1/meetings/${joint}/check-ins`, { customerId: customer.zhang }, as.e1b)).status).toBe(201);
    const zhangSale = await post(`/api/v1/meetings/${joint}/sales`, { customerId: customer.zhang, amountFen: 50_000 }, as.e1b);
    expect(zhangSale.body).toMatchObject({ creditedEmployeeId: ids.e2, creditedDepartmentId: ids.d2, invitationId: invitation.zhangByD2 });

    const refund = await post(`/api/v1/sales/${sale.body.id}/refunds`, { amountFen: 100_000 }, as.e2);
    expect(refund.status).toBe(201);
    expect(refund.body.amountFen).toBe(100_000);
    expect((await get(`/api/v1/sales/${sale.body.id}`, as.e2)).body).toMatchObject({ amountFen: 250_000, refundedFen: 100_000 });
    const tooMuch = await post(`/api/v1/sales/${sale.body.id}/refunds`, { amountFen: 150_001 }, as.e2);
    expect(codeOf(tooMuch)).toEqual([422, 'REFUND_EXCEEDS_SALE']);
    expect(tooMuch.body.refundableFen).toBe(150_000);
  });

  it("shows each customer's invitations through the federated graph: what was refused left nothing behind", async () => {
    const invitationsOf = async (id: string) => {
      const res = await api.graphql(
        `query($id: ID!) { customer(id: $id) { name invitations { status departmentId meeting { date } } } }`,
        { id },
        admin,
      );
      expect(res.errors).toBeUndefined();
      const c = res.data.customer as { name: string; invitations: { status: string; departmentId: string; meeting: { date: string } }[] };
      return { name: c.name, invitations: [...c.invitations].sort((a, b) => a.departmentId.localeCompare(b.departmentId)) };
    };
    const byDepartment = (...entries: [string, string][]) =>
      entries.map(([departmentId, status]) => ({ status, departmentId, meeting: { date: MEETING_DAY } })).sort((a, b) => a.departmentId.localeCompare(b.departmentId));

    expect(await invitationsOf(customer.wang)).toEqual({ name: '王阿姨', invitations: byDepartment([ids.d2, 'CONFIRMED']) });
    expect(await invitationsOf(customer.zhang)).toEqual({ name: '张奶奶', invitations: byDepartment([ids.d1, 'CONFIRMED'], [ids.d2, 'CONFIRMED']) });
    expect(await invitationsOf(customer.zhao)).toEqual({ name: '赵大爷', invitations: byDepartment([ids.d1, 'CONFIRMED'], [ids.d2, 'INVITED']) });
    expect(await invitationsOf(customer.li)).toEqual({ name: '李叔叔', invitations: byDepartment([ids.d1, 'INVITED']) });
  });
});
