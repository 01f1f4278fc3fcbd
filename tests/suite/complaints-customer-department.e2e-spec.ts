import { codeOf, eventually, RunningSuite, startSuite, SuiteSession } from '@crm/testing';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * C-3, C-4 and C-5 across services with the suite clock moved, through the gateway only:
 * - a complaint to the general manager about 员工丙 of 二部 (B) concerning a customer 一部 (A) owns fines A's head
 *   and the employee 100 yuan each, not B's head (C-3), as rewards books them; A's head sees it;
 * - the employee it names may record what they did but not mark it resolved (C-5): refused, the complaint stays
 *   open and is breached after 72 hours, fining A's head and the employee 500 yuan each (C-4); the customer
 *   leaves A;
 * - another complaint's employee records an action and their head resolves it in time: no breach, no fine;
 * - read your writes: 200 times a customer registered and at once complained about, with no refusal.
 */
describe("suite: the customer's department pays (C-3, C-4), no self-resolution (C-5), read your writes", () => {
  let suite: RunningSuite;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, twoDepartments, register } = session;
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'e1' | 'head2' | 'e2' | 'customerA' | 'customerA2' | 'toGm' | 'hotline', string>;
  const as = {} as Record<'head1' | 'e1' | 'head2' | 'e2', Record<string, string>>;
  let filedAt: Date;

  const sweep = () => session.sweep<{ breached: number; finesImposed: number; complaintIds: string[] }>('complaint-sla');

  /** The fines rewards booked for an employee, as [rule, amountFen, departmentId]. */
  const finesOf = async (employeeId: string) =>
    ((await get(`/api/v1/fines?employeeId=${employeeId}`)).body.items as { rule: string; amountFen: number; departmentId: string }[])
      .map((f) => [f.rule, f.amountFen, f.departmentId])
      .sort();

  beforeAll(async () => {
    // The scheduled complaint-sla sweep moved to a minute no run meets: every breach here is one a test asked for.
    suite = await startSuite({ services: ['customers', 'rewards', 'complaints'], env: { COMPLAINT_SLA_CRON: '0 0 1 1 *' } });
    session.connect(suite);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } }));
    for (const who of ['head1', 'e1', 'head2', 'e2'] as const) as[who] = await tokenOf(ids[who]);
    await at(new Date('2030-10-08T09:00:00+08:00'));
    ids.customerA = await register('李阿姨', '139 3000 0001', as.e1);
    ids.customerA2 = await register('赵叔叔', '139 3000 0002', as.e1);
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it("fines the head of the customer's department (一部) and the employee of 二部 100 yuan each for a complaint to the general manager (C-3)", async () => {
    // Filed at once after the registration: complaints waits for the customer rather than refusing it.
    const filed = await post('/api/v1/complaints', { customerId: ids.customerA, employeeId: ids.e2, cause: 'WORK_ATTITUDE', channel: 'TO_GENERAL_MANAGER', description: '顾客向总经理投诉服务态度' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ employeeId: ids.e2, departmentId: ids.d2, customerDepartmentId: ids.d1, status: 'OPEN', sla: 'PENDING' });
    ids.toGm = filed.body.id;
    filedAt = new Date(filed.body.filedAt);

    expect(await eventually(() => finesOf(ids.head1), (f) => f.length === 1)).toEqual([['C-3', 10_000, ids.d1]]);
    expect(await eventually(() => finesOf(ids.e2), (f) => f.length === 1)).toEqual([['C-3', 10_000, ids.d2]]);
    expect(await finesOf(ids.head2)).toEqual([]);
    // A's head finds the fine among their department's, as rewards shows a head.
    const own = (await get('/api/v1/fines', as.head1)).body.items as { employeeId: string; rule: string; sourceId: string }[];
    expect(own).toContainEqual(expect.objectContaining({ employeeId: ids.head1, rule: 'C-3', sourceId: ids.toGm }));
    // And sees the complaint it is fined for, in the list and by id, though the employee concerned is 二部's.
    expect((await get(`/api/v1/complaints/${ids.toGm}`, as.head1)).status).toBe(200);
    expect((await get(`/api/v1/complaints?customerId=${ids.customerA}`, as.head1)).body.items.map((c: { id: string }) => c.id)).toEqual([ids.toGm]);
  });

  it('refuses the employee it names a resolution (C-5) and changes nothing; they record what they did instead', async () => {
    await at(new Date(filedAt.getTime() + 3 * HOUR));
    expect(codeOf(await post(`/api/v1/complaints/${ids.toGm}/resolution`, { note: '我已处理' }, as.e2))).toEqual([403, 'SELF_RESOLUTION_FORBIDDEN']);
    const action = await post(`/api/v1/complaints/${ids.toGm}/actions`, { note: '已电话向顾客致歉' }, as.e2);
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({ complaintId: ids.toGm, note: '已电话向顾客致歉', recordedBy: ids.e2 });
    const complaint = (await get(`/api/v1/complaints/${ids.toGm}`, as.e2)).body;
    expect(complaint).toMatchObject({ status: 'OPEN', sla: 'PENDING', resolvedAt: null, resolvedBy: null });
    expect(complaint.actions).toEqual([action.body]);
  });

  it("takes another complaint's action from the employee it names and its resolution from their head, in time: no breach", async () => {
    const filed = await post('/api/v1/complaints', { customerId: ids.customerA2, employeeId: ids.e1, cause: 'SERVICE_NOT_IN_PLACE', channel: 'HOTLINE', description: '送货迟到' }, as.head1);
    expect(filed.status).toBe(201);
    ids.hotline = filed.body.id;
    expect((await post(`/api/v1/complaints/${ids.hotline}/actions`, { note: '重新送货上门' }, as.e1)).status).toBe(201);
    expect(codeOf(await post(`/api/v1/complaints/${ids.hotline}/resolution`, { note: '已送到' }, as.e1))).toEqual([403, 'SELF_RESOLUTION_FORBIDDEN']);
    const resolved = await post(`/api/v1/complaints/${ids.hotline}/resolution`, { note: '部门经理回访, 顾客满意' }, as.head1);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', sla: 'MET', resolvedBy: ids.head1 });
    const detail = (await get(`/api/v1/complaints/${ids.hotline}`, as.head1)).body;
    expect(detail.actions.map((a: { note: string; recordedBy: string }) => [a.note, a.recordedBy])).toEqual([['重新送货上门', ids.e1]]);
  });

  it("breaches the unresolved complaint after 72 hours: 一部's head and the employee 500 yuan each (C-4), 二部's head nothing", async () => {
    await at(new Date(filedAt.getTime() + 72 * HOUR + MINUTE));
    expect(await sweep()).toMatchObject({ breached: 1, finesImposed: 2, complaintIds: [ids.toGm] });
    expect((await sweep()).breached).toBe(0);

    expect(await eventually(() => finesOf(ids.head1), (f) => f.length === 2)).toEqual([['C-3', 10_000, ids.d1], ['C-4', 50_000, ids.d1]]);
    expect(await eventually(() => finesOf(ids.e2), (f) => f.length === 2)).toEqual([['C-3', 10_000, ids.d2], ['C-4', 50_000, ids.d2]]);
    expect(await finesOf(ids.head2)).toEqual([]);
    // The complaint resolved in time by the head fined nobody.
    expect(await finesOf(ids.e1)).toEqual([]);

    // Breached, still not theirs to resolve; their head's resolution is taken.
    expect(codeOf(await post(`/api/v1/complaints/${ids.toGm}/resolution`, { note: '我已处理' }, as.e2))).toEqual([403, 'SELF_RESOLUTION_FORBIDDEN']);
    const resolved = await post(`/api/v1/complaints/${ids.toGm}/resolution`, { note: '二部部长上门致歉' }, as.head2);
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', sla: 'BREACHED', resolvedBy: ids.head2 });
  });

  it('moves the customer out of the department that owned them when the complaint was filed (C-4)', async () => {
    const moved = await eventually(() => get(`/api/v1/customers/${ids.customerA}`), (res) => res.body.departmentId !== ids.d1);
    expect(moved.body.departmentId).toBe(ids.d2);
    expect(moved.body.ownerId).not.toBe(ids.e1);
    // The customer whose complaint was resolved in time stays where they are.
    expect((await get(`/api/v1/customers/${ids.customerA2}`)).body).toMatchObject({ departmentId: ids.d1, ownerId: ids.e1 });
  });

  it('files a complaint at once after each of 200 registrations through the gateway, refusing none (read your writes)', async () => {
    const failures: string[] = [];
    for (let i = 0; i < 200; i++) {
      const customerId = await register(`顾客${i}`, `139 4000 ${String(i).padStart(4, '0')}`, as.e1);
      const filed = await post('/api/v1/complaints', { customerId, cause: 'OTHER', channel: 'HOTLINE', description: `登记后立即投诉 ${i}` });
      if (filed.status !== 201 || filed.body.customerDepartmentId !== ids.d1) failures.push(`${i}: ${filed.status} ${JSON.stringify(filed.body)}`);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
