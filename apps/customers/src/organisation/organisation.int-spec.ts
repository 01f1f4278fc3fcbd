import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { bearer, startTestService, TestService } from '@crm/testing';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/** Employees' lifecycle (logins, changes that end sessions, heads) and the organisation's GraphQL, on real PostgreSQL. */
describe('organisation: employees and departments', () => {
  let svc: TestService;
  const admin = bearer(Role.ADMIN);
  const ids: Record<string, string> = {};
  let phoneSeq = 0;
  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const patch = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'PATCH', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = admin) =>
    svc.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, payload: { query, variables } }).then((r) => r.json());
  const employee = async (name: string, role: string, departmentId?: string, login?: string) => {
    const res = await post('/api/v1/employees', { name, role, ...(departmentId ? { departmentId } : {}), ...(login ? { login } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const customerOf = async (ownerId: string) => {
    const res = await post('/api/v1/customers', { name: '顾客', phone: `1590000${String(++phoneSeq).padStart(4, '0')}`, source: 'WALK_IN', ownerId });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  /** The `employee.saved` events of one employee, oldest first. */
  const savedEvents = async (employeeId: string): Promise<Record<string, unknown>[]> =>
    (await sql(`SELECT payload FROM outbox WHERE name = 'employee.saved' AND payload->>'employeeId' = $1 ORDER BY sequence`, [employeeId])).map(
      (r: { payload: Record<string, unknown> }) => r.payload,
    );
  const sessionVersion = async (id: string) => (await sql('SELECT session_version FROM employees WHERE id = $1', [id]))[0].session_version as number;

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    ids.d1 = (await post('/api/v1/departments', { name: '一部', code: 'G1' })).json().id;
    ids.d2 = (await post('/api/v1/departments', { name: '二部', code: 'G2' })).json().id;
    ids.head1 = await employee('部长甲', 'DEPARTMENT_HEAD', ids.d1);
    ids.e1 = await employee('甲员工', 'EMPLOYEE', ids.d1);
    expect((await patch(`/api/v1/departments/${ids.d1}`, { headId: ids.head1 })).statusCode).toBe(200);
  });

  afterAll(() => svc?.close());

  it('creates an employee with a login trimmed and lower-cased, shown in the view and announced', async () => {
    const res = await post('/api/v1/employees', { name: '王芳', role: 'EMPLOYEE', departmentId: ids.d1, login: '  Wang.Fang@D1 ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), name: '王芳', role: 'EMPLOYEE', departmentId: ids.d1, login: 'wang.fang@d1', deactivatedAt: null });
    expect(await savedEvents(res.json().id)).toEqual([
      expect.objectContaining({ employeeId: res.json().id, login: 'wang.fang@d1', sessionVersion: 1, deactivatedAt: null, departmentId: ids.d1, role: 'EMPLOYEE' }),
    ]);
    expect((await get(`/api/v1/employees/${res.json().id}`)).json().login).toBe('wang.fang@d1');
    // Without a login: null.
    expect((await get(`/api/v1/employees/${ids.e1}`)).json()).toMatchObject({ login: null, deactivatedAt: null });
  });

  it('refuses a login another employee has, in any case (409 LOGIN_TAKEN), and a malformed one (400)', async () => {
    await employee('李娜', 'EMPLOYEE', ids.d1, 'lina');
    const taken = await post('/api/v1/employees', { name: '李娜二', role: 'EMPLOYEE', departmentId: ids.d1, login: ' LiNa ' });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'LOGIN_TAKEN']);
    for (const login of ['ab', 'has space', 'x'.repeat(65), '名字abc', 'semi;colon']) {
      const bad = await post('/api/v1/employees', { name: '坏', role: 'EMPLOYEE', departmentId: ids.d1, login });
      expect([login, bad.statusCode, bad.json().code]).toEqual([login, 400, 'VALIDATION_FAILED']);
    }
    // Two at once with one login: one wins, the other hears LOGIN_TAKEN (the unique index decides).
    const both = await Promise.all([1, 2].map((i) => post('/api/v1/employees', { name: `并发${i}`, role: 'EMPLOYEE', departmentId: ids.d1, login: 'same.time' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('LOGIN_TAKEN');
  });

  it('renames without ending sessions; a new role or department raises the session version by one', async () => {
    const id = await employee('张伟', 'EMPLOYEE', ids.d1);
    const renamed = await patch(`/api/v1/employees/${id}`, { name: '张伟伟' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id, name: '张伟伟', role: 'EMPLOYEE', departmentId: ids.d1 });
    expect(await sessionVersion(id)).toBe(1);

    const moved = await patch(`/api/v1/employees/${id}`, { departmentId: ids.d2 });
    expect(moved.json()).toMatchObject({ departmentId: ids.d2 });
    expect(await sessionVersion(id)).toBe(2);
    const promoted = await patch(`/api/v1/employees/${id}`, { role: 'DEPARTMENT_HEAD' });
    expect(promoted.json()).toMatchObject({ role: 'DEPARTMENT_HEAD', departmentId: ids.d2 });
    expect(await sessionVersion(id)).toBe(3);
    // The same values again change nothing and announce nothing.
    const events = (await savedEvents(id)).length;
    expect((await patch(`/api/v1/employees/${id}`, { role: 'DEPARTMENT_HEAD', departmentId: ids.d2, name: '张伟伟' })).statusCode).toBe(200);
    expect(await sessionVersion(id)).toBe(3);
    expect(await savedEvents(id)).toHaveLength(events);
    // Every change was announced with the version the other services check tokens against.
    expect((await savedEvents(id)).map((e) => [e.name, e.departmentId, e.role, e.sessionVersion])).toEqual([
      ['张伟', ids.d1, 'EMPLOYEE', 1],
      ['张伟伟', ids.d1, 'EMPLOYEE', 1],
      ['张伟伟', ids.d2, 'EMPLOYEE', 2],
      ['张伟伟', ids.d2, 'DEPARTMENT_HEAD', 3],
    ]);
  });

  it('keeps the rule of createEmployee: department staff need a department, company-wide roles may have none', async () => {
    const id = await employee('刘洋', 'EMPLOYEE', ids.d1);
    const noDepartment = await patch(`/api/v1/employees/${id}`, { departmentId: null });
    expect([noDepartment.statusCode, noDepartment.json().code]).toEqual([422, 'DEPARTMENT_REQUIRED']);
    const unknown = await patch(`/api/v1/employees/${id}`, { departmentId: randomUUID() });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'DEPARTMENT_NOT_FOUND']);
    const clerk = await patch(`/api/v1/employees/${id}`, { role: 'CRM_CLERK', departmentId: null });
    expect(clerk.json()).toMatchObject({ role: 'CRM_CLERK', departmentId: null });
    const back = await patch(`/api/v1/employees/${id}`, { role: 'EMPLOYEE' });
    expect([back.statusCode, back.json().code]).toEqual([422, 'DEPARTMENT_REQUIRED']);
    expect(await sessionVersion(id)).toBe(2);
    expect((await patch(`/api/v1/employees/${randomUUID()}`, { name: 'x' })).json().code).toBe('EMPLOYEE_NOT_FOUND');
    const extra = await patch(`/api/v1/employees/${id}`, { password: 'not here' });
    expect([extra.statusCode, extra.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('is for admins only (OrganisationPolicy.updateEmployee, as createEmployee)', async () => {
    for (const role of [Role.GENERAL_MANAGER, Role.RESOURCE_DIRECTOR, Role.DEPARTMENT_HEAD, Role.EMPLOYEE]) {
      const res = await patch(`/api/v1/employees/${ids.e1}`, { name: '改名' }, bearer(role, ids.head1, ids.d1));
      expect([role, res.statusCode]).toEqual([role, 403]);
    }
    const key = (await post('/api/v1/api-keys', { name: 'ERP', scopes: ['customers:read', 'customers:write'] })).json().key;
    expect((await patch(`/api/v1/employees/${ids.e1}`, { name: '改名' }, { 'x-api-key': key })).statusCode).toBe(403);
    expect((await get(`/api/v1/employees/${ids.e1}`)).json().name).toBe('甲员工');
  });

  it('refuses to demote or move the head of a department until another head is appointed', async () => {
    const demote = await patch(`/api/v1/employees/${ids.head1}`, { role: 'EMPLOYEE' });
    expect([demote.statusCode, demote.json().code, demote.json().departmentIds]).toEqual([409, 'EMPLOYEE_HEADS_DEPARTMENT', [ids.d1]]);
    const move = await patch(`/api/v1/employees/${ids.head1}`, { departmentId: ids.d2 });
    expect([move.statusCode, move.json().code]).toEqual([409, 'EMPLOYEE_HEADS_DEPARTMENT']);
    expect(await sessionVersion(ids.head1)).toBe(1);
    // A new name is fine; so is any change once someone else heads the department.
    expect((await patch(`/api/v1/employees/${ids.head1}`, { name: '部长甲甲' })).statusCode).toBe(200);
    const next = await employee('部长乙', 'DEPARTMENT_HEAD', ids.d1);
    expect((await patch(`/api/v1/departments/${ids.d1}`, { headId: next })).statusCode).toBe(200);
    const demoted = await patch(`/api/v1/employees/${ids.head1}`, { role: 'EMPLOYEE' });
    expect(demoted.json()).toMatchObject({ role: 'EMPLOYEE', departmentId: ids.d1 });
    ids.head1 = next;
  });

  it("shares a moved employee's customers among the department they leave, as recorded transfers (cause DEPARTMENT_MOVE)", async () => {
    const id = await employee('陈静', 'EMPLOYEE', ids.d1);
    const customers = [await customerOf(id), await customerOf(id)];
    expect((await patch(`/api/v1/employees/${id}`, { departmentId: ids.d2 })).statusCode).toBe(200);
    const stayers = (await get(`/api/v1/employees?departmentId=${ids.d1}&active=true&limit=200`)).json().items as { id: string; role: string }[];
    const takers = stayers.filter((e) => e.role === 'EMPLOYEE' && e.id !== id).map((e) => e.id);
    for (const c of customers) {
      const now = (await get(`/api/v1/customers/${c}`)).json();
      expect(now.departmentId).toBe(ids.d1);
      expect(takers).toContain(now.ownerId);
    }
    const transfers = await sql(`SELECT payload FROM outbox WHERE name = 'customer.transferred' AND payload->>'fromOwnerId' = $1`, [id]);
    expect(transfers.map((t: { payload: Record<string, unknown> }) => t.payload)).toEqual(
      customers.map(() => expect.objectContaining({ cause: 'DEPARTMENT_MOVE', causeId: id, fromDepartmentId: ids.d1, toDepartmentId: ids.d1 })),
    );
  });

  it('gives an existing employee a login by PATCH (unique; their sessions stay)', async () => {
    const id = await employee('周敏', 'EMPLOYEE', ids.d1);
    const given = await patch(`/api/v1/employees/${id}`, { login: ' Zhou.Min ' });
    expect(given.json()).toMatchObject({ id, login: 'zhou.min' });
    expect(await sessionVersion(id)).toBe(1);
    const other = await employee('周敏二', 'EMPLOYEE', ids.d1);
    const taken = await patch(`/api/v1/employees/${other}`, { login: 'ZHOU.MIN' });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'LOGIN_TAKEN']);
    expect((await patch(`/api/v1/employees/${other}`, { login: 'a b' })).statusCode).toBe(400);
  });

  it('refuses a move that would leave customers with nobody in the department (409 NO_ACTIVE_COLLEAGUE), changing nothing', async () => {
    const d3 = (await post('/api/v1/departments', { name: '六部', code: 'G6' })).json().id;
    const alone = await employee('独自', 'EMPLOYEE', d3);
    const customer = await customerOf(alone);
    const refused = await patch(`/api/v1/employees/${alone}`, { departmentId: ids.d2 });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'NO_ACTIVE_COLLEAGUE']);
    expect((await get(`/api/v1/employees/${alone}`)).json()).toMatchObject({ departmentId: d3 });
    expect((await get(`/api/v1/customers/${customer}`)).json()).toMatchObject({ ownerId: alone, departmentId: d3 });
    expect(await sessionVersion(alone)).toBe(1);
  });

  it('lists everyone, or only the active or the deactivated employees', async () => {
    const gone = await employee('离职', 'EMPLOYEE', ids.d2);
    expect((await post(`/api/v1/employees/${gone}/deactivation`, {})).statusCode).toBe(200);
    const list = async (query: string) => (await get(`/api/v1/employees?departmentId=${ids.d2}&limit=200${query}`)).json().items.map((e: { id: string }) => e.id);
    expect(await list('')).toContain(gone);
    expect(await list('&active=false')).toEqual([gone]);
    expect(await list('&active=true')).not.toContain(gone);
    expect((await get(`/api/v1/employees?active=maybe`)).statusCode).toBe(400);
    const viaGraph = await graphql('query($d: ID) { employees(departmentId: $d, active: false) { id deactivatedAt } }', { d: ids.d2 });
    expect(viaGraph.data.employees).toEqual([{ id: gone, deactivatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  describe('GraphQL', () => {
    it('answers me: the calling employee, null for a role-only token or a partner key', async () => {
      const query = '{ me { id name role login deactivatedAt department { id name } } }';
      const mine = await graphql(query, {}, bearer(Role.EMPLOYEE, ids.e1, ids.d1));
      expect(mine).toEqual({ data: { me: { id: ids.e1, name: '甲员工', role: 'EMPLOYEE', login: null, deactivatedAt: null, department: { id: ids.d1, name: '一部' } } } });
      expect(await graphql(query, {}, admin)).toEqual({ data: { me: null } });
      const key = (await post('/api/v1/api-keys', { name: 'BI', scopes: ['points:read'] })).json().key;
      expect(await graphql(query, {}, { 'x-api-key': key })).toEqual({ data: { me: null } });
      expect((await graphql(query, {}, {})).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('creates and updates departments and employees with the REST rules and codes', async () => {
      const dept = await graphql('mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id name code headId } }', { i: { name: '三部', code: 'G3' } });
      const d3 = dept.data.createDepartment.id;
      expect(dept.data.createDepartment).toEqual({ id: d3, name: '三部', code: 'G3', headId: null });
      const again = await graphql('mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id } }', { i: { name: '三部', code: 'G3' } });
      expect(again.errors[0].extensions).toMatchObject({ code: 'DEPARTMENT_CODE_EXISTS', status: 409 });

      const create = 'mutation($i: CreateEmployeeInput!) { createEmployee(input: $i) { id name role departmentId login deactivatedAt } }';
      const made = await graphql(create, { i: { name: '周敏', role: 'DEPARTMENT_HEAD', departmentId: d3, login: 'ZhouMin' } });
      const zhou = made.data.createEmployee.id;
      expect(made.data.createEmployee).toEqual({ id: zhou, name: '周敏', role: 'DEPARTMENT_HEAD', departmentId: d3, login: 'zhoumin', deactivatedAt: null });
      expect((await graphql(create, { i: { name: '周敏二', role: 'EMPLOYEE', departmentId: d3, login: 'zhoumin' } })).errors[0].extensions).toMatchObject({ code: 'LOGIN_TAKEN', status: 409 });
      expect((await graphql(create, { i: { name: '无部门', role: 'EMPLOYEE' } })).errors[0].extensions).toMatchObject({ code: 'DEPARTMENT_REQUIRED', status: 422 });
      expect((await graphql(create, { i: { name: '坏', role: 'EMPLOYEE', departmentId: d3, login: 'a b' } })).errors[0].extensions.code).toBe('VALIDATION_FAILED');

      const updateDepartment = 'mutation($id: ID!, $i: UpdateDepartmentInput!) { updateDepartment(id: $id, input: $i) { id name headId head { name } } }';
      const head = await graphql(updateDepartment, { id: d3, i: { headId: zhou } });
      expect(head.data.updateDepartment).toEqual({ id: d3, name: '三部', headId: zhou, head: { name: '周敏' } });
      // A null head names nobody: the head stays (never the first employee a lookup of null would find).
      expect((await graphql(updateDepartment, { id: d3, i: { headId: null, name: '三部门' } })).data.updateDepartment).toEqual({ id: d3, name: '三部门', headId: zhou, head: { name: '周敏' } });

      const update = 'mutation($id: ID!, $i: UpdateEmployeeInput!) { updateEmployee(id: $id, input: $i) { id name role departmentId } }';
      expect((await graphql(update, { id: zhou, i: { role: 'EMPLOYEE' } })).errors[0].extensions).toMatchObject({ code: 'EMPLOYEE_HEADS_DEPARTMENT', status: 409 });
      expect((await graphql(update, { id: zhou, i: { name: '周敏敏' } })).data.updateEmployee).toEqual({ id: zhou, name: '周敏敏', role: 'DEPARTMENT_HEAD', departmentId: d3 });
      expect(await sessionVersion(zhou)).toBe(1);
      const staff = await employee('吴', 'EMPLOYEE', d3);
      expect((await graphql(update, { id: staff, i: { role: 'COORDINATOR', departmentId: null } })).data.updateEmployee).toEqual({ id: staff, name: '吴', role: 'COORDINATOR', departmentId: null });
      expect(await sessionVersion(staff)).toBe(2);

      // Only admins; the general manager may appoint heads (updateDepartment) but not change staff.
      const gm = bearer(Role.GENERAL_MANAGER);
      expect((await graphql(update, { id: staff, i: { name: '改' } }, gm)).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await graphql(create, { i: { name: 'x', role: 'ADMIN' } }, gm)).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await graphql('mutation($i: CreateDepartmentInput!) { createDepartment(input: $i) { id } }', { i: { name: '四部', code: 'G4' } }, gm)).errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('deactivates an employee, answering who took over how many customers', async () => {
      const d4 = (await post('/api/v1/departments', { name: '四部', code: 'G5' })).json().id;
      const leaving = await employee('孙', 'EMPLOYEE', d4);
      const staying = await employee('钱', 'EMPLOYEE', d4);
      await customerOf(leaving);
      await customerOf(leaving);
      const deactivate = 'mutation($id: ID!) { deactivateEmployee(id: $id) { employee { id deactivatedAt } reassigned { employeeId customers employee { name } } } }';
      expect((await graphql(deactivate, { id: leaving }, bearer(Role.GENERAL_MANAGER))).errors[0].extensions.code).toBe('FORBIDDEN');
      const done = await graphql(deactivate, { id: leaving });
      expect(done.data.deactivateEmployee).toEqual({
        employee: { id: leaving, deactivatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) },
        reassigned: [{ employeeId: staying, customers: 2, employee: { name: '钱' } }],
      });
      expect((await graphql(deactivate, { id: leaving })).errors[0].extensions).toMatchObject({ code: 'EMPLOYEE_DEACTIVATED', status: 409 });
      // The one left owns customers with nobody to take them.
      expect((await graphql(deactivate, { id: staying })).errors[0].extensions).toMatchObject({ code: 'NO_ACTIVE_COLLEAGUE', status: 409 });
    });
  });
});
