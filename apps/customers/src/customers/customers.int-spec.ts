import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { bearer, startTestService, TestService } from '@crm/testing';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/** The customers service against real PostgreSQL and Redis, through its whole HTTP pipeline. */
describe('customers service', () => {
  let svc: TestService;
  const admin = bearer(Role.ADMIN);
  let d1: string;
  let d2: string;
  let alice: string; // employee in d1
  let bob: string; // employee in d1
  let carol: string; // employee in d2
  let head1: string;

  const sql = (query: string, params: unknown[]) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    d1 = (await post('/api/v1/departments', { name: '一部', code: 'D1' })).json().id;
    d2 = (await post('/api/v1/departments', { name: '二部', code: 'D2' })).json().id;
    alice = (await post('/api/v1/employees', { name: 'Alice', role: 'EMPLOYEE', departmentId: d1 })).json().id;
    bob = (await post('/api/v1/employees', { name: 'Bob', role: 'EMPLOYEE', departmentId: d1 })).json().id;
    carol = (await post('/api/v1/employees', { name: 'Carol', role: 'EMPLOYEE', departmentId: d2 })).json().id;
    head1 = (await post('/api/v1/employees', { name: 'Head', role: 'DEPARTMENT_HEAD', departmentId: d1 })).json().id;
    const patched = await svc.inject({ method: "PATCH", url: `/api/v1/departments/${d1}`, payload: { headId: head1 }, headers: admin });
    expect(patched.json()).toMatchObject({ id: d1, headId: head1 });
  });

  afterAll(() => svc?.close());

  const as = (id: string, role: Role, dept: string | null) => bearer(role, id, dept);

  it('registers a customer owned by the calling employee, phone normalised', async () => {
    const res = await post('/api/v1/customers', { name: '李秀英', phone: '138 0000 0001', source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ phone: '+8613800000001', ownerId: alice, departmentId: d1, stage: 'POTENTIAL', valueTier: null, underServed: false });
  });

  it('refuses the same phone in another format as a duplicate, naming the existing customer', async () => {
    const first = await post('/api/v1/customers', { name: '王', phone: '13800000002', source: 'HOTLINE' }, as(alice, Role.EMPLOYEE, d1));
    const dup = await post('/api/v1/customers', { name: '王二', phone: '+86-138-0000-0002', source: 'HOTLINE' }, as(carol, Role.EMPLOYEE, d2));
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dup.json()).toMatchObject({ code: 'CUSTOMER_PHONE_EXISTS', customerId: first.json().id });
  });

  it('masks the phone for another department and audits full reads (P-1, P-2)', async () => {
    const c = (await post('/api/v1/customers', { name: '赵', phone: '13800000003', source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1))).json();
    expect((await get(`/api/v1/customers/${c.id}`, as(carol, Role.EMPLOYEE, d2))).json().phone).toBe('138****0003');
    expect((await get(`/api/v1/customers/${c.id}`, as(bob, Role.EMPLOYEE, d1))).json().phone).toBe('138****0003');
    expect((await get(`/api/v1/customers/${c.id}`, as(head1, Role.DEPARTMENT_HEAD, d1))).json().phone).toBe('+8613800000003');
    expect((await get(`/api/v1/customers/${c.id}`, as(alice, Role.EMPLOYEE, d1))).json().phone).toBe('+8613800000003');
    const rows = await sql('SELECT actor, action FROM audit_log WHERE subject_id = $1', [c.id]);
    // Full phones were shown to alice twice (the registration answer and the read) and to the head once;
    // masked reads by bob and carol are not personal-data reads.
    const actors = rows.map((r: { actor: string }) => r.actor).sort();
    expect(actors).toEqual([`employee:${alice}`, `employee:${alice}`, `employee:${head1}`].sort());
    expect(rows.every((r: { action: string }) => r.action === 'READ_PERSONAL_DATA')).toBe(true);
  });

  it.each([
    [{ name: 'x', phone: '12345', source: 'WALK_IN' }, 'INVALID_PHONE'],
    [{ name: 'x', phone: '13800000009', source: 'NOPE' }, 'VALIDATION_FAILED'],
    [{ name: 'x', phone: '13800000009', source: 'WALK_IN', extra: 1 }, 'VALIDATION_FAILED'],
    [{ name: 'x', phone: 13800000009, source: 'WALK_IN' }, 'VALIDATION_FAILED'],
    [{ phone: '13800000009', source: 'WALK_IN' }, 'VALIDATION_FAILED'],
  ])('refuses %j with 400 %s and changes nothing', async (payload, code) => {
    const res = await post('/api/v1/customers', payload, as(alice, Role.EMPLOYEE, d1));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
    expect((await get('/api/v1/customers?phone=13800000009')).json().items).toHaveLength(0);
  });

  it('tells a caller who is no employee (a role-only token) to name an owner, and registers with one', async () => {
    const refused = await post('/api/v1/customers', { name: '钱', phone: '13800000011', source: 'WALK_IN' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('OWNER_NOT_FOUND');
    expect(refused.json().detail).toMatch(/not an employee.*ownerId/);
    const unknown = randomUUID();
    expect((await post('/api/v1/customers', { name: '钱', phone: '13800000011', source: 'WALK_IN', ownerId: unknown })).json()).toMatchObject({
      code: 'OWNER_NOT_FOUND',
      detail: `No employee ${unknown}`,
    });
    const registered = await post('/api/v1/customers', { name: '钱', phone: '13800000011', source: 'WALK_IN', ownerId: alice });
    expect([registered.statusCode, registered.json().ownerId]).toEqual([201, alice]);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await svc.inject({ method: 'POST', url: '/api/v1/customers', payload: '{"name":', headers: { ...as(alice, Role.EMPLOYEE, d1), 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_JSON');
  });

  it('takes an empty JSON body as no body, and keeps refusing prototype poisoning', async () => {
    const headers = { ...as(alice, Role.EMPLOYEE, d1), 'content-type': 'application/json' };
    const empty = await svc.inject({ method: 'POST', url: '/api/v1/customers', payload: '', headers });
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(empty.json().detail).toContain('name');
    const poisoned = await svc.inject({ method: 'POST', url: '/api/v1/customers', payload: '{"name":"x","__proto__":{"admin":true}}', headers });
    expect(poisoned.statusCode).toBe(400);
  });

  it('answers 401 without credentials and 403 for a wrong role', async () => {
    expect((await svc.inject({ method: 'GET', url: '/api/v1/customers' })).json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const res = await post('/api/v1/departments', { name: 'x', code: 'X' }, as(alice, Role.EMPLOYEE, d1));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('pages through customers with cursors, each once', async () => {
    for (let i = 0; i < 7; i++) await post('/api/v1/customers', { name: `P${i}`, phone: `1390000000${i}`, source: 'WEBSITE' }, as(bob, Role.EMPLOYEE, d1));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`/api/v1/customers?ownerId=${bob}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect((await get('/api/v1/customers?cursor=garbage')).json().code).toBe('INVALID_CURSOR');
    // Well-formed cursors this list never gave out: a sort key that is no instant, an id that is no id.
    for (const forged of [{ s: 'garbage', id: randomUUID() }, { s: '2026-01-01T00:00:00.000Z', id: 'x' }]) {
      const res = await get(`/api/v1/customers?cursor=${Buffer.from(JSON.stringify(forged)).toString('base64url')}`);
      expect([res.statusCode, res.json().code]).toEqual([400, 'INVALID_CURSOR']);
    }
  });

  it('transfers ownership by the resource director only, with history', async () => {
    const c = (await post('/api/v1/customers', { name: '钱', phone: '13800000004', source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1))).json();
    const denied = await post(`/api/v1/customers/${c.id}/transfer`, { toEmployeeId: carol, reason: 'x' }, as(head1, Role.DEPARTMENT_HEAD, d1));
    expect(denied.statusCode).toBe(403);
    const ok = await post(`/api/v1/customers/${c.id}/transfer`, { toEmployeeId: carol, reason: 'under-served (V-2)' }, bearer(Role.RESOURCE_DIRECTOR));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ ownerId: carol, departmentId: d2 });
    const history = (await get(`/api/v1/customers/${c.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ kind: 'OWNER', from: alice, to: carol, cause: 'under-served (V-2)' });
  });

  it('issues, uses and revokes a partner API key', async () => {
    const created = await post('/api/v1/api-keys', { name: 'ERP', scopes: ['customers:read'] });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^crm_/);
    const partner = { 'x-api-key': key };
    expect((await get('/api/v1/customers?limit=1', partner)).statusCode).toBe(200);
    expect((await post('/api/v1/customers', { name: 'p', phone: '13800000005', source: 'PARTNER', ownerId: alice }, partner)).statusCode).toBe(403);
    expect((await svc.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: admin })).statusCode).toBe(200);
    expect((await get('/api/v1/customers?limit=1', partner)).statusCode).toBe(401);
    const stored = await sql('SELECT hash FROM api_keys WHERE id = $1', [id]);
    expect(stored[0].hash).not.toContain(key);
  });

  it('writes events to the outbox in the command transaction', async () => {
    const c = (await post('/api/v1/customers', { name: '孙', phone: '13800000006', source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1))).json();
    const rows = await sql(`SELECT name FROM outbox WHERE payload->>'customerId' = $1 ORDER BY sequence`, [c.id]);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['customer.registered', 'customer.assigned']);
  });

  it('announces departments and staff with their whole current state, so other services can keep a copy', async () => {
    const departments = await sql(`SELECT payload FROM outbox WHERE name = 'department.saved' AND payload->>'departmentId' = $1 ORDER BY sequence`, [d1]);
    expect(departments.map((r: { payload: { headId: string | null } }) => r.payload.headId)).toEqual([null, head1]);
    expect(departments[1].payload).toMatchObject({ name: '一部', code: 'D1' });
    const [staff] = await sql(`SELECT payload FROM outbox WHERE name = 'employee.saved' AND payload->>'employeeId' = $1`, [head1]);
    expect(staff.payload).toMatchObject({ employeeId: head1, role: 'DEPARTMENT_HEAD', departmentId: d1, name: 'Head' });

    // A refused change announces nothing.
    const before = await sql(`SELECT count(*)::int AS n FROM outbox WHERE name = 'department.saved'`, []);
    expect((await svc.inject({ method: 'PATCH', url: `/api/v1/departments/${d2}`, payload: { headId: alice }, headers: admin })).statusCode).toBe(422);
    expect(await sql(`SELECT count(*)::int AS n FROM outbox WHERE name = 'department.saved'`, [])).toEqual(before);
  });

  it('serves the subgraph with masked phones and owners resolved', async () => {
    const c = (await post('/api/v1/customers', { name: '周', phone: '13800000007', source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1))).json();
    const res = await svc.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...as(carol, Role.EMPLOYEE, d2), 'content-type': 'application/json' },
      payload: { query: `query($id: ID!) { customer(id: $id) { id phone stage owner { id name department { code } } } }`, variables: { id: c.id } },
    });
    expect(res.json()).toEqual({ data: { customer: { id: c.id, phone: '138****0007', stage: 'POTENTIAL', owner: { id: alice, name: 'Alice', department: { code: 'D1' } } } } });
  });

  it("pages the graph's customers from any edge's cursor as from endCursor", async () => {
    for (const phone of ['13800000011', '13800000012', '13800000013']) await post('/api/v1/customers', { name: '孙', phone, source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1));
    const page = async (after: string | null) =>
      (
        await svc.inject({
          method: 'POST',
          url: '/graphql',
          headers: { ...admin, 'content-type': 'application/json' },
          payload: {
            query: `query($o: ID!, $after: String) { customers(filter: { ownerId: $o }, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
            variables: { o: alice, after },
          },
        })
      ).json().data.customers;
    const all: string[] = [];
    for (let cursor: string | null = null, more = true; more; ) {
      const p = await page(cursor);
      all.push(...p.edges.map((e: { node: { id: string } }) => e.node.id));
      [cursor, more] = [p.pageInfo.endCursor, p.pageInfo.hasNextPage];
    }
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await page(null);
    // After the first edge comes the second: an edge's cursor and the page's endCursor are the same kind of key.
    expect((await page(first.edges[0].cursor)).edges[0].node.id).toBe(all[1]);
    expect(first.edges[1].cursor).toBe(first.pageInfo.endCursor);
  });

  it('answers _entities, where no guard runs, only to a caller it can check', async () => {
    const c = (await post('/api/v1/customers', { name: '钱', phone: '13800000008', source: 'WALK_IN' }, as(alice, Role.EMPLOYEE, d1))).json();
    const entities = (headers: Record<string, string>) =>
      svc.inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: {
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { name phone } ... on Employee { name } ... on Department { code } } }`,
          variables: { r: [{ __typename: 'Customer', id: c.id }, { __typename: 'Employee', id: alice }, { __typename: 'Department', id: d1 }] },
        },
      });
    const anonymous = (await entities({})).json();
    expect(anonymous.data._entities).toEqual([null, null, null]);
    expect(anonymous.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect((await entities(as(carol, Role.EMPLOYEE, d2))).json()).toEqual({ data: { _entities: [{ name: '钱', phone: '138****0008' }, { name: 'Alice' }, { code: 'D1' }] } });
  });
});
