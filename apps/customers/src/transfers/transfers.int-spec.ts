import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { EventConsumer } from '@crm/events';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

/** C-4: a breached complaint moves the customer to the least loaded other department, on the real queue. */
describe('transfers on complaint breach', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const ids: Record<string, string> = {};
  let phoneSeq = 0;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string) => svc.inject({ method: 'GET', url, headers: admin });
  const customerOf = async (ownerId: string) => {
    const res = await post('/api/v1/customers', { name: '顾客', phone: `1580000${String(++phoneSeq).padStart(4, '0')}`, source: 'WALK_IN', ownerId });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const breach = (complaintId: string, customerId: string, id?: string, concerned: { employeeId?: string; departmentId?: string; customerDepartmentId?: string } = {}) =>
    feed.publish(
      'complaint.breached',
      {
        complaintId,
        customerId,
        employeeId: concerned.employeeId ?? ids.ownerA,
        departmentId: concerned.departmentId ?? ids.A,
        ...(concerned.customerDepartmentId ? { customerDepartmentId: concerned.customerDepartmentId } : {}),
        filedAt: '2026-03-01T10:00:00.000Z',
        dueAt: '2026-03-04T10:00:00.000Z',
        breachedAt: '2026-03-04T10:00:00.000Z',
      },
      { id },
    );

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock));
    for (const [key, code] of [['A', 'T1'], ['B', 'T2'], ['C', 'T3'], ['D', 'T4']]) {
      ids[key] = (await post('/api/v1/departments', { name: `部门${code}`, code })).json().id;
    }
    const employees: [string, string, string][] = [
      ['ownerA', 'EMPLOYEE', 'A'],
      ['b1', 'EMPLOYEE', 'B'],
      ['b2', 'DEPARTMENT_HEAD', 'B'],
      ['c1', 'EMPLOYEE', 'C'],
      ['c2', 'EMPLOYEE', 'C'],
      ['coordinatorC', 'COORDINATOR', 'C'], // no customers, but does not serve: never chosen
      ['d1', 'EMPLOYEE', 'D'],
      ['clerkD', 'CRM_CLERK', 'D'], // would halve D's load if counted
    ];
    for (const [key, role, department] of employees) {
      ids[key] = (await post('/api/v1/employees', { name: key, role, departmentId: ids[department] })).json().id;
    }
    // Loads (heads do not take customers): B 4 customers / 1 = 4; C 2 / 2 = 1 (all with c1); D 1 / 1 = 1. C and D
    // tie: C by code.
    for (const owner of ['b1', 'b1', 'b1', 'b1', 'c1', 'c1', 'd1']) await customerOf(ids[owner]);
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it('moves the customer to the emptiest employee of the least loaded other department, with history, audit and event', async () => {
    const customerId = await customerOf(ids.ownerA);
    const complaintId = randomUUID();
    const eventId = await breach(complaintId, customerId);

    const moved = (await get(`/api/v1/customers/${customerId}`)).json();
    expect(moved).toMatchObject({ ownerId: ids.c2, departmentId: ids.C });
    const [entry] = (await get(`/api/v1/customers/${customerId}/history`)).json().items;
    expect(entry).toMatchObject({ kind: 'OWNER', from: ids.ownerA, to: ids.c2, cause: `complaint ${complaintId} not resolved by its deadline 2026-03-04T10:00:00.000Z (C-4)`, actorId: null });
    const [transferred] = await sql(`SELECT payload FROM outbox WHERE name = 'customer.transferred' AND payload->>'customerId' = $1`, [customerId]);
    expect(transferred.payload).toMatchObject({ cause: 'COMPLAINT_BREACH', causeId: complaintId, fromDepartmentId: ids.A, toDepartmentId: ids.C, transferredBy: null });
    expect(await sql(`SELECT actor, detail->>'causeId' AS cause FROM audit_log WHERE action = 'OWNER_CHANGED' AND subject_id = $1`, [customerId])).toEqual([
      { actor: 'system', cause: complaintId },
    ]);

    // Redelivered (same event id, through the inbox) or published again (new id): nobody moves twice.
    const consumer = svc.app.get(EventConsumer);
    const again = await consumer.handle({
      id: eventId,
      name: 'complaint.breached',
      version: 1,
      producer: 'complaints',
      payload: { complaintId, customerId, employeeId: ids.ownerA, departmentId: ids.A, filedAt: '2026-03-01T10:00:00.000Z', dueAt: '2026-03-04T10:00:00.000Z', breachedAt: '2026-03-04T10:00:00.000Z' },
      requestId: null,
      occurredAt: new Date().toISOString(),
    });
    expect(again).toBe('duplicate');
    await breach(complaintId, customerId);
    expect((await get(`/api/v1/customers/${customerId}`)).json().ownerId).toBe(ids.c2);
  });

  it('still moves the customer away from the breached department when they moved since', async () => {
    const customerId = await customerOf(ids.ownerA);
    const director = bearer(Role.RESOURCE_DIRECTOR, randomUUID());
    expect((await post(`/api/v1/customers/${customerId}/transfer`, { toEmployeeId: ids.b1, reason: 'handover' }, director)).statusCode).toBe(201);
    // Loads now: B 5 / 1; C 3 / 2 = 1.5; D 1 / 1 = 1: D receives.
    await breach(randomUUID(), customerId);
    expect((await get(`/api/v1/customers/${customerId}`)).json()).toMatchObject({ ownerId: ids.d1, departmentId: ids.D });
  });

  it('gives the customer to an employee, never to a head however few customers the head has', async () => {
    ids.E = (await post('/api/v1/departments', { name: '部门T5', code: 'T5' })).json().id;
    ids.headE = (await post('/api/v1/employees', { name: 'headE', role: 'DEPARTMENT_HEAD', departmentId: ids.E })).json().id;
    ids.e1 = (await post('/api/v1/employees', { name: 'e1', role: 'EMPLOYEE', departmentId: ids.E })).json().id;
    await customerOf(ids.e1);
    // Loads: B 5 / 1, C 3 / 2 = 1.5, D 2 / 1, E 1 / 1 = 1: E receives, and in E the employee, not the empty-handed head.
    const customerId = await customerOf(ids.ownerA);
    await breach(randomUUID(), customerId);
    expect((await get(`/api/v1/customers/${customerId}`)).json()).toMatchObject({ ownerId: ids.e1, departmentId: ids.E });
  });

  it("moves the customer away from the department that owned them at filing, not the employee's (C-4)", async () => {
    // F is the least loaded department (1 customer, 2 employees). The complaint names ownerA of A, but the
    // customer belonged to F at filing: the customer must leave F, so F's empty-handed f2 may not receive them.
    ids.F = (await post('/api/v1/departments', { name: '部门T0', code: 'T0' })).json().id;
    ids.f1 = (await post('/api/v1/employees', { name: 'f1', role: 'EMPLOYEE', departmentId: ids.F })).json().id;
    ids.f2 = (await post('/api/v1/employees', { name: 'f2', role: 'EMPLOYEE', departmentId: ids.F })).json().id;
    const customerId = await customerOf(ids.f1);
    await breach(randomUUID(), customerId, undefined, { customerDepartmentId: ids.F });
    const moved = (await get(`/api/v1/customers/${customerId}`)).json();
    expect(moved.departmentId).not.toBe(ids.F);
    // The employee's department A may receive them (it has no one serving but ownerA, who is not the owner).
    expect(moved).toMatchObject({ ownerId: ids.ownerA, departmentId: ids.A });
    const [transferred] = await sql(`SELECT payload FROM outbox WHERE name = 'customer.transferred' AND payload->>'customerId' = $1`, [customerId]);
    expect(transferred.payload).toMatchObject({ cause: 'COMPLAINT_BREACH', fromDepartmentId: ids.F, toDepartmentId: ids.A });

    // An event from before the field was carried: the employee's department A stands in for it, so F (now the
    // least loaded other department, 0 customers) receives.
    const older = await customerOf(ids.ownerA);
    await breach(randomUUID(), older);
    const olderMoved = (await get(`/api/v1/customers/${older}`)).json();
    expect(olderMoved.departmentId).toBe(ids.F);
    expect([ids.f1, ids.f2]).toContain(olderMoved.ownerId);
  });

  it('knows from the history, not the audit log, that a complaint already moved the customer', async () => {
    const customerId = await customerOf(ids.ownerA);
    const complaintId = randomUUID();
    await breach(complaintId, customerId);
    const movedTo = (await get(`/api/v1/customers/${customerId}`)).json().ownerId;
    expect(movedTo).not.toBe(ids.ownerA);
    expect(await sql(`SELECT cause_code, cause_id FROM customer_history WHERE customer_id = $1 AND from_value IS NOT NULL`, [customerId])).toEqual([
      { cause_code: 'COMPLAINT_BREACH', cause_id: complaintId },
    ]);
    // The audit log is a record of who did what, not business state: without it the complaint still moves nobody twice.
    await sql(`DELETE FROM audit_log WHERE subject_id = $1 AND action = 'OWNER_CHANGED'`, [customerId]);
    await breach(complaintId, customerId);
    expect((await get(`/api/v1/customers/${customerId}`)).json().ownerId).toBe(movedTo);
    expect(await sql(`SELECT count(*)::int AS n FROM customer_history WHERE customer_id = $1`, [customerId])).toEqual([{ n: 2 }]);
  });
});
