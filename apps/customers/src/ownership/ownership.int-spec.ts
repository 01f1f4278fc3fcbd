import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Transactions } from '@crm/database';
import { bearer, startTestService, TestService } from '@crm/testing';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';
import { OwnershipService } from './ownership.service';

/** The one ownership writer: row, history, audit and event together, for many customers at once. */
describe('ownership writer', () => {
  let svc: TestService;
  const admin = bearer(Role.ADMIN);
  const ids: Record<string, string> = {};
  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown) => svc.inject({ method: 'POST', url, payload, headers: admin });

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    ids.d1 = (await post('/api/v1/departments', { name: '一部', code: 'W1' })).json().id;
    ids.d2 = (await post('/api/v1/departments', { name: '二部', code: 'W2' })).json().id;
    ids.a = (await post('/api/v1/employees', { name: 'a', role: 'EMPLOYEE', departmentId: ids.d1 })).json().id;
    ids.b = (await post('/api/v1/employees', { name: 'b', role: 'EMPLOYEE', departmentId: ids.d2 })).json().id;
  });

  afterAll(() => svc?.close());

  it('transfers many customers in one call, writing each of them whole and nothing for the others', async () => {
    const customers: string[] = [];
    for (let i = 0; i < 3; i++) {
      customers.push((await post('/api/v1/customers', { name: `W${i}`, phone: `1360000000${i}`, source: 'WALK_IN', ownerId: ids.a })).json().id);
    }
    const untouched = (await post('/api/v1/customers', { name: 'W9', phone: '13600000009', source: 'WALK_IN', ownerId: ids.a })).json().id;
    const at = new Date('2026-05-01T08:00:00.000Z');
    await svc.app.get(Transactions).run((tx) =>
      svc.app.get(OwnershipService).transfer(
        tx,
        customers.map((customerId) => ({ customerId, from: { ownerId: ids.a, departmentId: ids.d1 }, to: { ownerId: ids.b, departmentId: ids.d2 } })),
        { reason: 'under-served (V-2)', cause: 'UNDER_SERVED', causeId: null, actor: 'system', actorId: null, at },
      ),
    );
    expect(await sql('SELECT id FROM customers WHERE owner_id = $1 AND department_id = $2 AND assigned_at = $3 ORDER BY id', [ids.b, ids.d2, at])).toEqual(
      [...customers].sort().map((id) => ({ id })),
    );
    expect(await sql(`SELECT count(*)::int AS n FROM customer_history WHERE cause_code = 'UNDER_SERVED' AND to_value = $1`, [ids.b])).toEqual([{ n: 3 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'OWNER_CHANGED' AND detail->>'cause' = 'UNDER_SERVED'`)).toEqual([{ n: 3 }]);
    const events = await sql(`SELECT payload FROM outbox WHERE name = 'customer.transferred' AND payload->>'cause' = 'UNDER_SERVED'`);
    expect(events).toHaveLength(3);
    expect(events[0].payload).toMatchObject({ fromOwnerId: ids.a, toOwnerId: ids.b, toDepartmentId: ids.d2, transferredBy: null, transferredAt: at.toISOString() });
    expect((await sql('SELECT owner_id FROM customers WHERE id = $1', [untouched]))[0].owner_id).toBe(ids.a);
  });

  it('records the first owner of a registered customer with its cause, and announces it', async () => {
    const id = (await post('/api/v1/customers', { name: 'F', phone: '13600000019', source: 'WALK_IN', ownerId: ids.a })).json().id;
    expect(await sql('SELECT from_value, to_value, cause, cause_code FROM customer_history WHERE customer_id = $1', [id])).toEqual([
      { from_value: null, to_value: ids.a, cause: 'registration', cause_code: 'REGISTRATION' },
    ]);
    const names = await sql(`SELECT name FROM outbox WHERE payload->>'customerId' = $1 ORDER BY sequence`, [id]);
    expect(names.map((r: { name: string }) => r.name)).toEqual(['customer.registered', 'customer.assigned']);
  });
});
