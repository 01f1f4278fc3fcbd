import { codeOf, eventually, RunningSuite, startSuite, SuiteSession } from '@crm/testing';

type Headers = Record<string, string>;

/**
 * An employee leaves, through the gateway: their 7 customers are shared evenly among the 3 other employees of their
 * department (the one who owns fewest first: 3/2/2), each move recorded as a transfer (history, audit) and learnt by
 * rewards, whose points rule (P-1: the owner reads the points) follows the new owners. A head cannot leave before
 * another head is appointed; nobody can make the leaver an owner again. The organisation's GraphQL (`me` and the
 * mutations) does the same as REST.
 */
describe('suite: the lifecycle of an employee (deactivation and the organisation in GraphQL)', () => {
  let suite: RunningSuite;
  const session = new SuiteSession();
  const { post, get, tokenOf, twoDepartments } = session;
  let ids: Record<'d1' | 'd2' | 'head1' | 'head2' | 'leaver' | 'k1' | 'k2' | 'k3' | 'e2', string>;
  const as = {} as Record<'leaver' | 'k1' | 'k2' | 'k3' | 'gm', Headers>;
  const leavers: string[] = [];
  let phoneSeq = 0;
  const phone = () => `1360${String(Date.now() % 10_000).padStart(4, '0')}${String(++phoneSeq).padStart(3, '0')}`;
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Headers = session.admin) => session.api.graphql(query, variables, headers);

  /** `n` walk-in customers registered by the employee whose token is given (the owner). */
  async function customersOf(owner: Headers, n: number): Promise<string[]> {
    const made: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await post('/api/v1/customers', { name: `顾客${phoneSeq}`, phone: phone(), source: 'WALK_IN' }, owner);
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    return made;
  }

  beforeAll(async () => {
    suite = await startSuite({ services: ['customers', 'rewards'] });
    session.connect(suite);
    ids = await twoDepartments({ d1: { leaver: '离职员工', k1: '员工一', k2: '员工二', k3: '员工三' }, d2: { e2: '乙员工' } });
    for (const who of ['leaver', 'k1', 'k2', 'k3'] as const) as[who] = await tokenOf(ids[who]);
    as.gm = await tokenOf({ role: 'GENERAL_MANAGER' });
    // Before: the leaver owns 7; k1 owns 2, k2 1, k3 none.
    leavers.push(...(await customersOf(as.leaver, 7)));
    await customersOf(as.k1, 2);
    await customersOf(as.k2, 1);
  }, 120_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('refuses to deactivate the head of a department (appoint another head first)', async () => {
    const res = await post(`/api/v1/employees/${ids.head1}/deactivation`, {});
    expect(codeOf(res)).toEqual([409, 'EMPLOYEE_HEADS_DEPARTMENT']);
    expect((await get(`/api/v1/employees/${ids.head1}`)).body.deactivatedAt).toBeNull();
    expect(codeOf(await post(`/api/v1/employees/${ids.leaver}/deactivation`, {}, as.gm))).toEqual([403, 'FORBIDDEN']);
  });

  it("shares the leaver's 7 customers 3/2/2 among the department's 3 others, as transfers every service learns", async () => {
    // Before: k3 may not read the points of the leaver's customers (P-1: not theirs).
    for (const c of leavers) expect((await get(`/api/v1/points/${c}`, as.k3)).status).toBe(404);

    const res = await post(`/api/v1/employees/${ids.leaver}/deactivation`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ids.leaver, departmentId: ids.d1, deactivatedAt: expect.any(String) });
    expect(res.body.reassigned).toEqual([
      { employeeId: ids.k3, customers: 3 },
      { employeeId: ids.k2, customers: 2 },
      { employeeId: ids.k1, customers: 2 },
    ]);
    const owners = await Promise.all(leavers.map(async (c) => (await get(`/api/v1/customers/${c}`)).body));
    expect(owners.every((c) => c.departmentId === ids.d1 && c.ownerId !== ids.leaver)).toBe(true);
    const count = (id: string) => owners.filter((c) => c.ownerId === id).length;
    expect([count(ids.k3), count(ids.k2), count(ids.k1)]).toEqual([3, 2, 2]);

    for (const c of owners) {
      // History (S-3) and audit (P-2), as a transfer records them.
      const history = await get(`/api/v1/customers/${c.id}/history`);
      expect(history.body.items[0]).toMatchObject({ kind: 'OWNER', from: ids.leaver, to: c.ownerId, cause: expect.stringContaining('deactivated') });
      const audit = await get(`/api/v1/audit?customerId=${c.id}`, as.gm);
      expect(audit.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'OWNER_CHANGED', customerId: c.id })]));
      // rewards learnt the new owner from customer.transferred: the new owner now reads the points (P-1).
      const newOwner = c.ownerId === ids.k1 ? as.k1 : c.ownerId === ids.k2 ? as.k2 : as.k3;
      expect((await eventually(() => get(`/api/v1/points/${c.id}`, newOwner), (r) => r.status === 200)).body).toMatchObject({ customerId: c.id, balance: 0 });
    }
    expect((await get(`/api/v1/employees?departmentId=${ids.d1}&active=false`)).body.items.map((e: { id: string }) => e.id)).toEqual([ids.leaver]);
  });

  it('never makes the leaver an owner again, and refuses a second deactivation', async () => {
    const registered = await post('/api/v1/customers', { name: '新顾客', phone: phone(), source: 'WALK_IN', ownerId: ids.leaver });
    expect(codeOf(registered)).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    const director = await tokenOf({ role: 'RESOURCE_DIRECTOR' });
    const moved = await post(`/api/v1/customers/${leavers[0]}/transfer`, { toEmployeeId: ids.leaver, reason: '回来' }, director);
    expect(codeOf(moved)).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    expect(codeOf(await post(`/api/v1/employees/${ids.leaver}/deactivation`, {}))).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
  });

  it('answers me, and runs the organisation mutations with the REST rules and codes', async () => {
    const me = '{ me { id name role login deactivatedAt department { id name } } }';
    expect((await gql(me, {}, as.k1)).data).toEqual({ me: { id: ids.k1, name: '员工一', role: 'EMPLOYEE', login: null, deactivatedAt: null, department: { id: ids.d1, name: '一部' } } });
    expect((await gql(me, {}, await tokenOf({ role: 'ADMIN' }))).data).toEqual({ me: null });

    const dept = await gql('mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id name code } }', { i: { name: '三部', code: 'D3' } });
    const d3 = dept.data.createDepartment.id;
    expect(dept.data.createDepartment).toEqual({ id: d3, name: '三部', code: 'D3' });

    const create = 'mutation($i: CreateEmployeeInput!) { createEmployee(input: $i) { id name role departmentId login } }';
    const head3 = (await gql(create, { i: { name: '丙部长', role: 'DEPARTMENT_HEAD', departmentId: d3, login: ' Bing.Head ' } })).data.createEmployee;
    expect(head3).toMatchObject({ role: 'DEPARTMENT_HEAD', departmentId: d3, login: 'bing.head' });
    expect((await gql(create, { i: { name: '重名', role: 'EMPLOYEE', departmentId: d3, login: 'BING.HEAD' } })).errors?.[0].extensions).toMatchObject({ code: 'LOGIN_TAKEN' });
    const staff3 = (await gql(create, { i: { name: '丙员工', role: 'EMPLOYEE', departmentId: d3 } })).data.createEmployee.id;

    const appointed = await gql('mutation($id: ID!, $h: ID) { updateDepartment(id: $id, input: { headId: $h }) { id head { id name } } }', { id: d3, h: head3.id });
    expect(appointed.data.updateDepartment).toEqual({ id: d3, head: { id: head3.id, name: '丙部长' } });

    const update = 'mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { id name role departmentId } }';
    expect((await gql(update, { id: head3.id, i: { departmentId: ids.d2 } })).errors?.[0].extensions).toMatchObject({ code: 'EMPLOYEE_HEADS_DEPARTMENT' });
    expect((await gql(update, { id: staff3, i: { departmentId: ids.d2 } })).data.updateEmployee).toEqual({ id: staff3, name: '丙员工', role: 'EMPLOYEE', departmentId: ids.d2 });
    expect((await gql(update, { id: staff3, i: { name: '改名' } }, as.gm)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    // k3 leaves through GraphQL: the 3 customers k3 took over go to k2 and k1 (k2 owns 3, k1 4 now: k2 first).
    const deactivate = 'mutation($id: ID!) { deactivateEmployee(id: $id) { employee { id deactivatedAt } reassigned { employeeId customers employee { name } } } }';
    const left = await gql(deactivate, { id: ids.k3 });
    expect(left.errors).toBeUndefined();
    expect(left.data.deactivateEmployee).toEqual({
      employee: { id: ids.k3, deactivatedAt: expect.any(String) },
      reassigned: [
        { employeeId: ids.k2, customers: 2, employee: { name: '员工二' } },
        { employeeId: ids.k1, customers: 1, employee: { name: '员工一' } },
      ],
    });
    expect((await gql(deactivate, { id: ids.k3 })).errors?.[0].extensions).toMatchObject({ code: 'EMPLOYEE_DEACTIVATED' });
  });
});
