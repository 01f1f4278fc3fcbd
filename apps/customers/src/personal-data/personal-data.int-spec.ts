import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { bearer, startTestService, TestService } from '@crm/testing';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/** P-3 in customers: its part of the export and the erasure, against real PostgreSQL and Redis. */
describe('personal data (P-3) in customers', () => {
  let svc: TestService;
  const admin = bearer(Role.ADMIN);
  let d1: string;
  let alice: string;
  let head1: string;
  let gm: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const graphql = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
    svc.inject({ method: 'POST', url: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, payload: { query, variables } }).then((r) => r.json());
  const as = (id: string, role: Role, dept: string | null) => bearer(role, id, dept);
  const aliceH = () => as(alice, Role.EMPLOYEE, d1);
  const gmH = () => as(gm, Role.GENERAL_MANAGER, null);

  const register = async (name: string, phone: string) => {
    const res = await post('/api/v1/customers', { name, phone, source: 'WALK_IN', address: '幸福路9号', birthDate: '1950-02-03', gender: 'FEMALE', notes: '爱喝茶' }, aliceH());
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    d1 = (await post('/api/v1/departments', { name: '一部', code: 'D1' })).json().id;
    alice = (await post('/api/v1/employees', { name: 'Alice', role: 'EMPLOYEE', departmentId: d1 })).json().id;
    head1 = (await post('/api/v1/employees', { name: 'Head', role: 'DEPARTMENT_HEAD', departmentId: d1 })).json().id;
    gm = (await post('/api/v1/employees', { name: 'GM', role: 'GENERAL_MANAGER' })).json().id;
    await svc.inject({ method: 'PATCH', url: `/api/v1/departments/${d1}`, payload: { headId: head1 }, headers: admin });
  });

  afterAll(() => svc?.close());

  it('exports everything customers holds, phone in full, to the general manager, and audits it (EXPORT)', async () => {
    const id = await register('导出甲', '13911110001');
    const res = await get(`/api/v1/personal-data/${id}`, gmH());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ service: 'customers', customerId: id, exportedAt: expect.stringMatching(/^\d{4}-/) });
    expect(body.data.customer).toMatchObject({ id, name: '导出甲', phone: '+8613911110001', address: '幸福路9号', birthDate: '1950-02-03', gender: 'FEMALE', notes: '爱喝茶', erased: false });
    expect(body.data.history).toEqual([expect.objectContaining({ kind: 'OWNER', to: alice })]);
    const audit = await sql(`SELECT actor, detail FROM audit_log WHERE subject_id = $1 AND action = 'EXPORT'`, [id]);
    expect(audit).toEqual([{ actor: `employee:${gm}`, detail: { service: 'customers' } }]);
  });

  it('refuses the export to every other employee and to partners, and answers 404 for an unknown customer', async () => {
    const id = await register('导出乙', '13911110002');
    for (const headers of [aliceH(), as(head1, Role.DEPARTMENT_HEAD, d1), bearer(Role.RESOURCE_DIRECTOR)]) {
      expect((await get(`/api/v1/personal-data/${id}`, headers)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    }
    const key = (await post('/api/v1/api-keys', { name: 'BI', scopes: ['customers:read', 'customers:pii'] })).json().key;
    expect((await get(`/api/v1/personal-data/${id}`, { 'x-api-key': key })).statusCode).toBe(403);
    expect((await get(`/api/v1/personal-data/${randomUUID()}`, gmH())).json()).toMatchObject({ status: 404, code: 'CUSTOMER_NOT_FOUND' });
    expect(await sql(`SELECT 1 FROM audit_log WHERE subject_id = $1 AND action = 'EXPORT'`, [id])).toEqual([]);
  });

  it('erases a customer: anonymised row, erased view, ERASURE audit with the reason, customer.erased in the outbox; twice is 409', async () => {
    const id = await register('删除甲', '13911110003');
    const batch = randomUUID();
    await sql(
      `INSERT INTO archive_batches (id, outreach_event_id, department_id, submitted_at, accepted, duplicates, invalid)
       VALUES ($1, $2, $3, now(), 0, $4, '[]')`,
      [batch, randomUUID(), d1, JSON.stringify([{ row: 1, phone: '+8613911110003', customerId: id }, { row: 2, phone: '+8613900000099', customerId: null }])],
    );

    expect((await post(`/api/v1/customers/${id}/erasure`, { reason: '本人申请' }, aliceH())).statusCode).toBe(403);
    expect((await post(`/api/v1/customers/${id}/erasure`, {}, gmH())).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await post(`/api/v1/customers/${id}/erasure`, { reason: '   ' }, gmH())).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await sql('SELECT erased FROM customers WHERE id = $1', [id]))[0].erased).toBe(false);

    const res = await post(`/api/v1/customers/${id}/erasure`, { reason: '本人申请' }, gmH());
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ customerId: id, status: 'ERASED' });

    const [row] = await sql('SELECT name, phone, gender, birth_date, address, notes, erased, owner_id FROM customers WHERE id = $1', [id]);
    expect(row).toEqual({ name: '已删除', phone: `erased:${id}`, gender: null, birth_date: null, address: null, notes: null, erased: true, owner_id: alice });
    const view = (await get(`/api/v1/customers/${id}`, aliceH())).json();
    expect(view).toMatchObject({ id, name: '已删除', phone: '', phoneMasked: true, gender: null, birthDate: null, address: null, erased: true, ownerId: alice });
    const [report] = await sql('SELECT duplicates FROM archive_batches WHERE id = $1', [batch]);
    expect(report.duplicates).toEqual([{ row: 1, phone: '', customerId: id }, { row: 2, phone: '+8613900000099', customerId: null }]);
    const audit = await sql(`SELECT actor, detail FROM audit_log WHERE subject_id = $1 AND action = 'ERASURE'`, [id]);
    expect(audit).toEqual([{ actor: `employee:${gm}`, detail: { reason: '本人申请' } }]);
    const events = await sql(`SELECT payload FROM outbox WHERE name = 'customer.erased' AND payload->>'customerId' = $1`, [id]);
    expect(events).toEqual([{ payload: { customerId: id, erasedBy: `employee:${gm}`, erasedAt: expect.any(String) } }]);
    expect(JSON.stringify(await sql('SELECT row_to_json(c)::text AS r FROM customers c WHERE id = $1', [id]))).not.toMatch(/删除甲|13911110003|幸福路|爱喝茶|1950-02-03/);

    expect((await post(`/api/v1/customers/${id}/erasure`, { reason: '再次' }, gmH())).json()).toMatchObject({ status: 409, code: 'CUSTOMER_ALREADY_ERASED' });
    expect((await svc.inject({ method: 'PATCH', url: `/api/v1/customers/${id}`, payload: { name: '复活' }, headers: aliceH() })).json()).toMatchObject({
      status: 409,
      code: 'CUSTOMER_ALREADY_ERASED',
    });
    // The person is forgotten: the same phone registers a new customer.
    const again = await post('/api/v1/customers', { name: '删除甲', phone: '13911110003', source: 'WALK_IN' }, aliceH());
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(id);
    expect((await post(`/api/v1/customers/${randomUUID()}/erasure`, { reason: 'x' }, gmH())).json()).toMatchObject({ status: 404, code: 'CUSTOMER_NOT_FOUND' });
  });

  it('erases over GraphQL too, and Customer.erased says so', async () => {
    const id = await register('删除乙', '13911110004');
    const denied = await graphql('mutation($id: ID!) { eraseCustomer(id: $id, reason: "申请") { status } }', { id }, aliceH());
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const before = await graphql('query($id: ID!) { customer(id: $id) { name erased } }', { id }, gmH());
    expect(before.data.customer).toEqual({ name: '删除乙', erased: false });
    const done = await graphql('mutation($id: ID!) { eraseCustomer(id: $id, reason: "申请") { customerId status } }', { id }, gmH());
    expect(done.data.eraseCustomer).toEqual({ customerId: id, status: 'ERASED' });
    const after = await graphql('query($id: ID!) { customer(id: $id) { name phone address birthDate gender erased } }', { id }, gmH());
    expect(after.data.customer).toEqual({ name: '已删除', phone: '', address: null, birthDate: null, gender: null, erased: true });
    const twice = await graphql('mutation($id: ID!) { eraseCustomer(id: $id, reason: "申请") { status } }', { id }, gmH());
    expect(twice.errors[0].extensions.code).toBe('CUSTOMER_ALREADY_ERASED');
  });
});
