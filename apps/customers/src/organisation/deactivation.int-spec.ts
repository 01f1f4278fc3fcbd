import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';
import { OwnershipService } from '../ownership/ownership.service';

/**
 * Deactivation against real PostgreSQL and Redis: the leaving employee's customers shared evenly through the one
 * ownership writer, the refusals that change nothing, and a deactivated employee never becoming an owner again
 * (registration, transfers, heads, O-4 allocation, C-4 breach transfers, V-2 takeovers, the writer itself).
 */
describe('organisation: deactivating an employee', () => {
  let svc: TestService;
  let feed: EventFeed;
  const adminId = randomUUID();
  const admin = bearer(Role.ADMIN, adminId);
  const ids: Record<string, string> = {};
  let phoneSeq = 0;
  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const patch = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'PATCH', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const deactivate = (id: string, headers = admin) => post(`/api/v1/employees/${id}/deactivation`, {}, headers);
  const department = async (name: string, code: string) => (await post('/api/v1/departments', { name, code })).json().id as string;
  const employee = async (name: string, role: string, departmentId?: string) => {
    const res = await post('/api/v1/employees', { name, role, ...(departmentId ? { departmentId } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const phone = () => `1350000${String(++phoneSeq).padStart(4, '0')}`;
  const customersOf = async (ownerId: string, n: number) => {
    const made: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await post('/api/v1/customers', { name: '顾客', phone: phone(), source: 'WALK_IN', ownerId });
      expect(res.statusCode).toBe(201);
      made.push(res.json().id);
    }
    return made;
  };
  const owned = async (ownerId: string) => (await sql('SELECT count(*)::int AS n FROM customers WHERE owner_id = $1', [ownerId]))[0].n as number;
  const employeeRow = async (id: string) => (await sql('SELECT session_version, deactivated_at FROM employees WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock));
    ids.A = await department('甲部', 'H1');
    ids.B = await department('乙部', 'H2');
    ids.headA = await employee('部长甲', 'DEPARTMENT_HEAD', ids.A);
    for (const key of ['a1', 'a2', 'a3', 'a4']) ids[key] = await employee(key, 'EMPLOYEE', ids.A);
    ids.coordinatorA = await employee('协调', 'COORDINATOR', ids.A); // in the department, but follows no customers up
    ids.headB = await employee('部长乙', 'DEPARTMENT_HEAD', ids.B);
    ids.b1 = await employee('b1', 'EMPLOYEE', ids.B);
    ids.b2 = await employee('b2', 'EMPLOYEE', ids.B);
    ids.director = await employee('总监', 'RESOURCE_DIRECTOR');
    for (const [d, head] of [['A', 'headA'], ['B', 'headB']]) expect((await patch(`/api/v1/departments/${ids[d]}`, { headId: ids[head] })).statusCode).toBe(200);
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it("shares 7 customers among 3 active colleagues 3/2/2, the fewest-owning first, each move a recorded transfer", async () => {
    const leaving = await customersOf(ids.a1, 7);
    await customersOf(ids.a2, 2);
    await customersOf(ids.a4, 1);
    // Loads: a3 0, a4 1, a2 2 (the head and the coordinator take none, nor does 乙部).
    const res = await deactivate(ids.a1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: ids.a1,
      name: 'a1',
      role: 'EMPLOYEE',
      departmentId: ids.A,
      login: null,
      deactivatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      reassigned: [
        { employeeId: ids.a3, customers: 3 },
        { employeeId: ids.a4, customers: 2 },
        { employeeId: ids.a2, customers: 2 },
      ],
    });
    expect([await owned(ids.a1), await owned(ids.a3), await owned(ids.a4), await owned(ids.a2)]).toEqual([0, 3, 3, 4]);
    expect([await owned(ids.headA), await owned(ids.coordinatorA)]).toEqual([0, 0]);
    const owners = await sql('SELECT owner_id, department_id FROM customers WHERE id = ANY($1::uuid[])', [leaving]);
    expect(owners.every((o: { department_id: string }) => o.department_id === ids.A)).toBe(true);

    // As a transfer records it: history (S-3), audit (P-2), customer.transferred, all naming the deactivation.
    const history = await sql(`SELECT customer_id, from_value, cause, cause_code, cause_id, actor_id FROM customer_history WHERE customer_id = ANY($1::uuid[]) AND from_value IS NOT NULL`, [leaving]);
    expect(history).toHaveLength(7);
    for (const h of history) {
      expect(h).toMatchObject({ from_value: ids.a1, cause_code: 'DEACTIVATION', cause_id: ids.a1, actor_id: adminId });
      expect(h.cause).toMatch(/deactivated/);
    }
    const audit = await sql(`SELECT actor, detail FROM audit_log WHERE action = 'OWNER_CHANGED' AND subject_id = ANY($1::uuid[])`, [leaving]);
    expect(audit).toHaveLength(7);
    expect(audit[0]).toMatchObject({ actor: `employee:${adminId}`, detail: { from: ids.a1, cause: 'DEACTIVATION', causeId: ids.a1 } });
    const events = await sql(`SELECT payload FROM outbox WHERE name = 'customer.transferred' AND payload->>'customerId' = ANY($1::text[])`, [leaving]);
    expect(events).toHaveLength(7);
    expect(events[0].payload).toMatchObject({ fromOwnerId: ids.a1, fromDepartmentId: ids.A, toDepartmentId: ids.A, cause: 'DEACTIVATION', causeId: ids.a1, transferredBy: adminId });
    const receivers = events.map((e: { payload: { toOwnerId: string } }) => e.payload.toOwnerId);
    expect([ids.a2, ids.a3, ids.a4].map((id) => receivers.filter((r: string) => r === id).length)).toEqual([2, 3, 2]);

    // The employee: deactivated, sessions ended, and announced so every service refuses their tokens.
    expect(await employeeRow(ids.a1)).toMatchObject({ session_version: 2, deactivated_at: expect.any(Date) });
    const [saved] = await sql(`SELECT payload FROM outbox WHERE name = 'employee.saved' AND payload->>'employeeId' = $1 ORDER BY sequence DESC LIMIT 1`, [ids.a1]);
    expect(saved.payload).toMatchObject({ sessionVersion: 2, deactivatedAt: res.json().deactivatedAt, departmentId: ids.A });
    expect((await get(`/api/v1/employees/${ids.a1}`)).json().deactivatedAt).toBe(res.json().deactivatedAt);
  });

  it('refuses, changing nothing: twice, a head, an unknown employee, anyone but an admin', async () => {
    const twice = await deactivate(ids.a1);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    expect((await employeeRow(ids.a1)).session_version).toBe(2);

    await customersOf(ids.headA, 1);
    const head = await deactivate(ids.headA);
    expect([head.statusCode, head.json().code, head.json().departmentIds]).toEqual([409, 'EMPLOYEE_HEADS_DEPARTMENT', [ids.A]]);
    expect(await employeeRow(ids.headA)).toEqual({ session_version: 1, deactivated_at: null });
    expect(await owned(ids.headA)).toBe(1);

    expect((await deactivate(randomUUID())).json().code).toBe('EMPLOYEE_NOT_FOUND');
    for (const role of [Role.GENERAL_MANAGER, Role.RESOURCE_DIRECTOR, Role.DEPARTMENT_HEAD]) {
      expect([role, (await deactivate(ids.a2, bearer(role, ids.headA, ids.A))).statusCode]).toEqual([role, 403]);
    }
    expect((await employeeRow(ids.a2)).deactivated_at).toBeNull();
  });

  it('refuses with NO_ACTIVE_COLLEAGUE when nobody in the department can take the customers, and changes nothing', async () => {
    const C = await department('丙部', 'H3');
    const alone = await employee('c1', 'EMPLOYEE', C);
    await employee('丙部长', 'DEPARTMENT_HEAD', C); // heads take no customers over
    const gone = await employee('c2', 'EMPLOYEE', C);
    expect((await deactivate(gone)).json()).toMatchObject({ id: gone, reassigned: [] });
    const mine = await customersOf(alone, 2);
    const outboxBefore = (await sql('SELECT count(*)::int AS n FROM outbox'))[0].n;
    const res = await deactivate(alone);
    expect([res.statusCode, res.json().code, res.json().customers]).toEqual([409, 'NO_ACTIVE_COLLEAGUE', 2]);
    expect(await employeeRow(alone)).toEqual({ session_version: 1, deactivated_at: null });
    expect(await owned(alone)).toBe(2);
    expect(await sql(`SELECT count(*)::int AS n FROM customer_history WHERE customer_id = ANY($1::uuid[]) AND from_value IS NOT NULL`, [mine])).toEqual([{ n: 0 }]);
    expect((await sql('SELECT count(*)::int AS n FROM outbox'))[0].n).toBe(outboxBefore);
  });

  it('never makes a deactivated employee an owner or a head, nor changes them (409 EMPLOYEE_DEACTIVATED)', async () => {
    const registered = await post('/api/v1/customers', { name: '新', phone: phone(), source: 'WALK_IN', ownerId: ids.a1 });
    expect([registered.statusCode, registered.json().code]).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    expect(await owned(ids.a1)).toBe(0);

    const [customer] = await customersOf(ids.a2, 1);
    const director = bearer(Role.RESOURCE_DIRECTOR, ids.director);
    const moved = await post(`/api/v1/customers/${customer}/transfer`, { toEmployeeId: ids.a1, reason: '交接' }, director);
    expect([moved.statusCode, moved.json().code]).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    expect((await get(`/api/v1/customers/${customer}`)).json().ownerId).toBe(ids.a2);

    const head = await patch(`/api/v1/departments/${ids.A}`, { headId: ids.a1 });
    expect([head.statusCode, head.json().code]).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    const changed = await patch(`/api/v1/employees/${ids.a1}`, { departmentId: ids.B });
    expect([changed.statusCode, changed.json().code]).toEqual([409, 'EMPLOYEE_DEACTIVATED']);

    // The writer itself refuses, whoever calls it (the check that holds when a deactivation races a transfer).
    const write = svc.app.get(Transactions).run((tx) =>
      svc.app.get(OwnershipService).transfer(tx, [{ customerId: customer, from: { ownerId: ids.a2, departmentId: ids.A }, to: { ownerId: ids.a1, departmentId: ids.A } }], {
        reason: 'test',
        cause: 'MANUAL',
        causeId: null,
        actor: 'system',
        actorId: null,
        at: svc.app.get(Clock).now(),
      }),
    );
    await expect(write).rejects.toMatchObject({ code: 'EMPLOYEE_DEACTIVATED' });
    expect((await get(`/api/v1/customers/${customer}`)).json().ownerId).toBe(ids.a2);
  });

  it('leaves deactivated participants out of the O-4 fair share', async () => {
    const outreachEventId = randomUUID();
    await feed.publish('outreach.recorded', { outreachEventId, departmentId: ids.A, date: '2026-03-01', participantIds: [ids.a1, ids.a2, ids.a3], recordedAt: new Date().toISOString() });
    const clerk = bearer(Role.CRM_CLERK, randomUUID());
    const records = Array.from({ length: 4 }, (_, i) => ({ name: `档案${i}`, phone: phone() }));
    const batch = await post('/api/v1/archive-batches', { outreachEventId, records }, clerk);
    expect(batch.statusCode).toBe(201);
    const res = await post(`/api/v1/archive-batches/${batch.json().id}/allocation`, {}, bearer(Role.DEPARTMENT_HEAD, ids.headA, ids.A));
    expect(res.statusCode).toBe(201);
    const allocations: { employeeId: string; customerIds: string[] }[] = res.json().allocations;
    expect(allocations.map((a) => a.employeeId).sort()).toEqual([ids.a2, ids.a3].sort());
    expect(allocations.map((a) => a.customerIds.length)).toEqual([2, 2]);
  });

  it('never gives a C-4 breached customer to a deactivated employee', async () => {
    // 〇部 (code 00, first among equals) has two employees with no customers; the one whose id sorts first, which
    // C-4 would otherwise pick, is deactivated.
    const Z = await department('〇部', '00');
    const [low, high] = [await employee('z1', 'EMPLOYEE', Z), await employee('z2', 'EMPLOYEE', Z)].sort();
    expect((await deactivate(low)).statusCode).toBe(200);
    const [customer] = await customersOf(ids.b1, 1);
    await feed.publish('complaint.breached', {
      complaintId: randomUUID(),
      customerId: customer,
      employeeId: ids.b1,
      departmentId: ids.B,
      customerDepartmentId: ids.B,
      filedAt: '2026-03-01T10:00:00.000Z',
      dueAt: '2026-03-04T10:00:00.000Z',
      breachedAt: '2026-03-04T10:00:00.000Z',
    });
    expect((await get(`/api/v1/customers/${customer}`)).json()).toMatchObject({ ownerId: high, departmentId: Z });
  });

  it('refuses to approve a V-2 takeover report for a reporter who has left; the director may still decline it', async () => {
    const [customer] = await customersOf(ids.a2, 1);
    const invitationId = randomUUID();
    await feed.publish('takeover.reported', {
      invitationId,
      meetingId: randomUUID(),
      customerId: customer,
      ownerId: ids.a2,
      departmentId: ids.A,
      reportingEmployeeId: ids.b2,
      reportingDepartmentId: ids.B,
      reportedAt: svc.app.get(Clock).now().toISOString(),
    });
    const [report] = await sql('SELECT id FROM takeover_reports WHERE invitation_id = $1', [invitationId]);
    expect((await deactivate(ids.b2)).statusCode).toBe(200);
    const director = bearer(Role.RESOURCE_DIRECTOR, ids.director);
    const approved = await post(`/api/v1/takeover-reports/${report.id}/approval`, {}, director);
    expect([approved.statusCode, approved.json().code]).toEqual([409, 'EMPLOYEE_DEACTIVATED']);
    expect((await get(`/api/v1/customers/${customer}`)).json().ownerId).toBe(ids.a2);
    expect((await post(`/api/v1/takeover-reports/${report.id}/decline`, { reason: '已离职' }, director)).statusCode).toBe(200);
  });

  it('deactivates two colleagues at once one after the other (no deadlock, no customer left with either)', async () => {
    const E = await department('戊部', 'H5');
    const [e1, e2, e3] = [await employee('e1', 'EMPLOYEE', E), await employee('e2', 'EMPLOYEE', E), await employee('e3', 'EMPLOYEE', E)];
    await customersOf(e1, 3);
    await customersOf(e2, 3);
    const both = await Promise.all([deactivate(e1), deactivate(e2)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect([await owned(e1), await owned(e2), await owned(e3)]).toEqual([0, 0, 6]);
    // The second saw the first done: what the first handed it moved on with its own.
    const first = both.map((r) => r.json()).find((x) => x.reassigned.length === 2);
    const second = both.map((r) => r.json()).find((x) => x.reassigned.length === 1);
    expect(first.reassigned).toEqual([
      { employeeId: e3, customers: 2 },
      { employeeId: second.id, customers: 1 },
    ]);
    expect(second.reassigned).toEqual([{ employeeId: e3, customers: 4 }]);
  });
});
