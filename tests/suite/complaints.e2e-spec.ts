import { codeOf, eventually, RunningSuite, startSuite, SuiteClient, SuiteSession } from '@crm/testing';

/**
 * C-1..C-5 across services with the suite clock moved, through the gateway only: customers keeps the
 * organisation and the customer, complaints learns them from events; a DISCOVERED complaint fines the
 * employee (C-2); left open past 72 hours the complaint-sla sweep breaches it once (C-4), rewards books the
 * 500-yuan fines of the employee and the head, and customers moves the customer to the other department;
 * the customer is PROBLEM (S-1) and shows the complaint in the federated graph.
 */
describe('suite: a complaint from filing to breach and transfer (C-1..C-5)', () => {
  let suite: RunningSuite;
  let api: SuiteClient;
  const session = new SuiteSession();
  const { post, get, at, tokenOf, twoDepartments, register } = session;
  const ids = {} as Record<'d1' | 'd2' | 'head1' | 'e1' | 'head2' | 'e2' | 'customer' | 'complaint', string>;
  const as = {} as Record<'head1' | 'e1' | 'e2', Record<string, string>>;
  let filedAt: Date;

  const sweep = () => session.sweep<{ breached: number; finesImposed: number; complaintIds: string[] }>('complaint-sla');

  /** The fines rewards booked for an employee, as [rule, amountFen]. */
  const finesOf = async (employeeId: string) =>
    ((await get(`/api/v1/fines?employeeId=${employeeId}`)).body.items as { rule: string; amountFen: number }[]).map((f) => [f.rule, f.amountFen]).sort();

  beforeAll(async () => {
    // The scheduled complaint-sla sweep (every minute) moved to a minute no run meets, so every breach here is
    // one this test asked for.
    suite = await startSuite({ services: ['customers', 'rewards', 'complaints'], env: { COMPLAINT_SLA_CRON: '0 0 1 1 *' } });
    api = session.connect(suite);
    Object.assign(ids, await twoDepartments({ d1: { e1: '员工甲' }, d2: { e2: '员工丙' } }));
    for (const who of ['head1', 'e1', 'e2'] as const) as[who] = await tokenOf(ids[who]);
    await at(new Date('2030-09-01T10:00:00+08:00'));
    ids.customer = await register('王阿姨', '139 2000 0001', as.e1);
  }, 120_000);

  afterAll(async () => {
    await session.realTime();
    await suite?.stop();
  });

  it('files a DISCOVERED complaint: the employee is fined 100 yuan (C-2) and the customer is PROBLEM (S-1)', async () => {
    // Complaints learns the customer and the staff from customers' events.
    const filed = await eventually(
      () => post('/api/v1/complaints', { customerId: ids.customer, employeeId: ids.e1, cause: 'SERVICE_NOT_IN_PLACE', channel: 'DISCOVERED', description: '承诺的上门服务没有到位' }, as.head1),
      (res) => res.status === 201,
    );
    expect(filed.status).toBe(201);
    ids.complaint = filed.body.id;
    filedAt = new Date(filed.body.filedAt);
    expect(filed.body).toMatchObject({ status: 'OPEN', departmentId: ids.d1, dueAt: new Date(filedAt.getTime() + 72 * 3_600_000).toISOString() });

    expect(codeOf(await get(`/api/v1/complaints/${ids.complaint}`, as.e2))).toEqual([403, 'COMPLAINT_NOT_VISIBLE']);
    expect(codeOf(await post('/api/v1/complaints', { customerId: ids.customer, cause: 'RUDE', channel: 'HOTLINE', description: 'x' }, as.head1))).toEqual([400, 'VALIDATION_FAILED']);

    expect(await eventually(() => finesOf(ids.e1), (f) => f.length === 1)).toEqual([['C-2', 10_000]]);
    const customer = await eventually(() => get(`/api/v1/customers/${ids.customer}`), (res) => res.body.stage === 'PROBLEM');
    expect(customer.body.stage).toBe('PROBLEM');
  });

  it('breaches the complaint once after 72 hours: 500-yuan fines for the employee and the head (C-4), the customer moved to 二部', async () => {
    await at(new Date(filedAt.getTime() + 71 * 3_600_000 + 59 * 60_000));
    expect((await sweep()).breached).toBe(0);

    await at(new Date(filedAt.getTime() + 72 * 3_600_000 + 60_000));
    expect(await sweep()).toMatchObject({ breached: 1, finesImposed: 2, complaintIds: [ids.complaint] });
    expect((await sweep()).breached).toBe(0);

    const moved = await eventually(() => get(`/api/v1/customers/${ids.customer}`), (res) => res.body.departmentId === ids.d2);
    expect(moved.body.departmentId).toBe(ids.d2);
    expect([ids.e2, ids.head2]).toContain(moved.body.ownerId);
    const history = (await get(`/api/v1/customers/${ids.customer}/history`)).body;
    expect(JSON.stringify(history)).toContain(ids.complaint);

    expect(await eventually(() => finesOf(ids.e1), (f) => f.length === 2)).toEqual([['C-2', 10_000], ['C-4', 50_000]]);
    expect(await eventually(() => finesOf(ids.head1), (f) => f.length === 1)).toEqual([['C-4', 50_000]]);
  });

  it('shows the complaint on the customer in the federated graph, and resolving it after the breach fines nobody again', async () => {
    const query = `query($id: ID!) { customer(id: $id) { id stage complaints { id status cause channel dueAt } } }`;
    const graph = await api.graphql(query, { id: ids.customer }, as.head1);
    expect(graph.errors).toBeUndefined();
    expect(graph.data.customer).toMatchObject({ id: ids.customer, stage: 'PROBLEM' });
    expect(graph.data.customer.complaints).toEqual([
      { id: ids.complaint, status: 'OPEN', cause: 'SERVICE_NOT_IN_PLACE', channel: 'DISCOVERED', dueAt: new Date(filedAt.getTime() + 72 * 3_600_000).toISOString() },
    ]);

    const resolved = await api.graphql(`mutation($id: ID!) { resolveComplaint(id: $id, note: "部门经理上门致歉") { status sla } }`, { id: ids.complaint }, as.head1);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data.resolveComplaint).toEqual({ status: 'RESOLVED', sla: 'BREACHED' });
    expect((await sweep()).breached).toBe(0);
    expect(await finesOf(ids.e1)).toEqual([['C-2', 10_000], ['C-4', 50_000]]);
    const list = await get(`/api/v1/complaints?customerId=${ids.customer}&status=RESOLVED`, as.head1);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([ids.complaint]);
  });
});
