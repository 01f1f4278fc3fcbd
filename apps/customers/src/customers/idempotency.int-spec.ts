import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { bearer, startTestService, TestService } from '@crm/testing';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/**
 * The Idempotency-Key of every POST (docs/api/partners.md "Retrying safely") on registering a customer: a retried
 * registration gets its customer back instead of CUSTOMER_PHONE_EXISTS, and registers once.
 */
describe('customers: Idempotency-Key on registering a customer', () => {
  let svc: TestService;
  const admin = bearer(Role.ADMIN);
  let d1: string;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let phone = 13900000100;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers: Record<string, string>) => svc.inject({ method: 'POST', url, payload, headers });
  const keyed = (key: string, headers: Record<string, string>) => ({ ...headers, 'idempotency-key': key });
  const register = (body: object, headers: Record<string, string>) => post('/api/v1/customers', { name: '李秀英', source: 'WALK_IN', ...body }, headers);
  const counts = async () => (await sql(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM outbox WHERE name = 'customer.registered')::int AS events`))[0];
  const nextPhone = () => String(++phone);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    d1 = (await post('/api/v1/departments', { name: '一部', code: 'D1' }, admin)).json().id;
    const aliceId = (await post('/api/v1/employees', { name: 'Alice', role: 'EMPLOYEE', departmentId: d1 }, admin)).json().id;
    const bobId = (await post('/api/v1/employees', { name: 'Bob', role: 'EMPLOYEE', departmentId: d1 }, admin)).json().id;
    alice = bearer(Role.EMPLOYEE, aliceId, d1);
    bob = bearer(Role.EMPLOYEE, bobId, d1);
  });

  afterAll(() => svc?.close());

  it('answers a retried registration with its customer (not CUSTOMER_PHONE_EXISTS) and registers once', async () => {
    const key = randomUUID();
    const p = nextPhone();
    const before = await counts();
    const first = await register({ phone: p }, keyed(key, alice));
    expect(first.statusCode).toBe(201);
    const again = await register({ phone: p }, keyed(key, alice));
    expect([again.statusCode, again.headers['idempotency-replayed'], again.body]).toEqual([201, 'true', first.body]);
    expect(await counts()).toEqual({ customers: before.customers + 1, events: before.events + 1 });
    // Without the key, the same request is a second registration, refused by O-3.
    expect((await register({ phone: p }, alice)).json().code).toBe('CUSTOMER_PHONE_EXISTS');
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and registers nothing', async () => {
    const key = randomUUID();
    await register({ phone: nextPhone() }, keyed(key, alice));
    const before = await counts();
    const other = await register({ phone: nextPhone() }, keyed(key, alice));
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await counts()).toEqual(before);
  });

  it('registers once for concurrent twins', async () => {
    const key = randomUUID();
    const p = nextPhone();
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 6 }, () => register({ phone: p }, keyed(key, alice))));
    expect(await counts()).toEqual({ customers: before.customers + 1, events: before.events + 1 });
    const codes = answers.map((a) => (a.statusCode === 201 ? 201 : a.json().code));
    expect(codes.filter((c) => c !== 201 && c !== 'IDEMPOTENCY_KEY_IN_PROGRESS')).toEqual([]);
    expect(answers.filter((a) => a.statusCode === 201 && a.headers['idempotency-replayed'] !== 'true')).toHaveLength(1);
  });

  it("keeps keys per caller: another employee's same key runs as that employee's own request", async () => {
    const key = randomUUID();
    const p = nextPhone();
    expect((await register({ phone: p }, keyed(key, alice))).statusCode).toBe(201);
    const theirs = await register({ phone: p }, keyed(key, bob));
    expect([theirs.statusCode, theirs.json().code, theirs.headers['idempotency-replayed']]).toEqual([409, 'CUSTOMER_PHONE_EXISTS', undefined]);
  });

  it('leaves issuing a partner key alone: its answer carries the secret, which is never stored', async () => {
    const key = randomUUID();
    const first = await post('/api/v1/api-keys', { name: 'ERP', scopes: ['customers:read'] }, keyed(key, admin));
    const second = await post('/api/v1/api-keys', { name: 'ERP', scopes: ['customers:read'] }, keyed(key, admin));
    expect([first.statusCode, second.statusCode, second.headers['idempotency-replayed']]).toEqual([201, 201, undefined]);
    expect(second.json().id).not.toBe(first.json().id);
    expect(await sql(`SELECT 1 FROM idempotency_keys WHERE path = '/api/v1/api-keys'`)).toEqual([]);
  });
});
