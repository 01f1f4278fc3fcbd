import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';
import { allocateEvenly } from './allocation';

/** O-1..O-4 against real PostgreSQL and Redis: outreach events arrive on the real queue. */
describe('archives', () => {
  let svc: TestService;
  let feed: EventFeed;
  const admin = bearer(Role.ADMIN);
  const clerkId = randomUUID();
  const clerk = bearer(Role.CRM_CLERK, clerkId);
  let d1: string;
  let d2: string;
  let d3: string;
  let head1: string;
  let head2: string;
  let participants: string[];
  let event1: string;
  let existingId: string;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const as = (id: string, role: Role, dept: string | null) => bearer(role, id, dept);
  const employee = async (name: string, role: string, departmentId: string) => (await post('/api/v1/employees', { name, role, departmentId })).json().id as string;

  async function outreach(departmentId: string, participantIds: string[]): Promise<string> {
    const outreachEventId = randomUUID();
    await feed.publish('outreach.recorded', { outreachEventId, departmentId, date: '2026-03-01', participantIds, recordedAt: new Date().toISOString() });
    return outreachEventId;
  }

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock));
    d1 = (await post('/api/v1/departments', { name: '一部', code: 'A1' })).json().id;
    d2 = (await post('/api/v1/departments', { name: '二部', code: 'A2' })).json().id;
    d3 = (await post('/api/v1/departments', { name: '三部', code: 'A3' })).json().id;
    head1 = await employee('Head One', 'DEPARTMENT_HEAD', d1);
    head2 = await employee('Head Two', 'DEPARTMENT_HEAD', d2);
    participants = [await employee('P1', 'EMPLOYEE', d1), await employee('P2', 'EMPLOYEE', d1), await employee('P3', 'EMPLOYEE', d1)];
    expect((await svc.inject({ method: 'PATCH', url: `/api/v1/departments/${d1}`, payload: { headId: head1 }, headers: admin })).statusCode).toBe(200);
    expect((await svc.inject({ method: 'PATCH', url: `/api/v1/departments/${d2}`, payload: { headId: head2 }, headers: admin })).statusCode).toBe(200);
    event1 = await outreach(d1, participants);
    const existing = await post('/api/v1/customers', { name: '老顾客', phone: '13800000001', source: 'WALK_IN', ownerId: participants[0] });
    expect(existing.statusCode).toBe(201);
    existingId = existing.json().id;
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it('keeps outreach events from outreach.recorded, upserting by id', async () => {
    const [row] = await sql('SELECT department_id, participant_ids FROM outreach_events WHERE id = $1', [event1]);
    expect(row.department_id).toBe(d1);
    expect([...row.participant_ids].sort()).toEqual([...participants].sort());
  });

  it('enters a JSON batch: new customers held by the head, duplicates and invalid rows reported (O-2, O-3)', async () => {
    const res = await post(
      '/api/v1/archive-batches',
      {
        outreachEventId: event1,
        records: [
          { name: '王芳', phone: '138 0000 0002', gender: '女', birthDate: '1958-03-04', address: '朝阳区' },
          { name: '老顾客', phone: '+86 138-0000-0001' },
          { name: '王芳', phone: '8613800000002' },
          { name: '坏号码', phone: 'abc' },
          { phone: '13800000005', birthDate: '2200-01-01' },
          { name: '李娜', phone: 13800000006 },
        ],
      },
      clerk,
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.accepted).toBe(2);
    expect(body.customers.map((c: { row: number }) => c.row)).toEqual([1, 6]);
    const firstId = body.customers[0].customerId;
    expect(body.duplicates).toEqual([
      { row: 2, phone: '+8613800000001', customerId: existingId, duplicateOf: 'EXISTING_CUSTOMER', duplicateOfRow: null },
      { row: 3, phone: '+8613800000002', customerId: firstId, duplicateOf: 'EARLIER_ROW', duplicateOfRow: 1 },
    ]);
    expect(body.invalid.map((i: { row: number; field: string }) => [i.row, i.field])).toEqual([
      [4, 'phone'],
      [5, 'name'],
      [5, 'birthDate'],
    ]);
    expect(body.invalid[0].reason).toMatch(/phone/);

    const customer = (await get(`/api/v1/customers/${firstId}`, clerk)).json();
    expect(customer).toMatchObject({ phone: '+8613800000002', source: 'OUTREACH', stage: 'POTENTIAL', ownerId: head1, departmentId: d1, gender: 'FEMALE', birthDate: '1958-03-04' });
    const history = (await get(`/api/v1/customers/${firstId}/history`)).json().items;
    expect(history).toEqual([expect.objectContaining({ kind: 'OWNER', from: null, to: head1, actorId: clerkId, cause: expect.stringContaining(body.id) })]);
    const events = await sql(`SELECT name, payload FROM outbox WHERE payload->>'customerId' = $1 ORDER BY sequence`, [firstId]);
    expect(events.map((e: { name: string }) => e.name)).toEqual(['customer.registered', 'customer.assigned']);
    expect(events[0].payload).toMatchObject({ source: 'OUTREACH', outreachEventId: event1, ownerId: head1, departmentId: d1 });

    // P-1: an administrator sees the report with masked phones.
    const asAdmin = (await get(`/api/v1/archive-batches/${body.id}`)).json();
    expect(asAdmin.duplicates.map((d: { phone: string }) => d.phone)).toEqual(['138****0001', '138****0002']);
    expect(asAdmin.accepted).toBe(2);
    expect(asAdmin.allocation).toBeNull();
  });

  it('enters a CSV batch with Chinese headers, counting rows as the spreadsheet does', async () => {
    const csv = '\uFEFF姓名,手机,性别,出生日期,序号\r\n张伟,139 0000 0003,男,1960-01-02,1\r\n,139 0000 0004,,,2\r\n\r\n老顾客,13800000001,,,4\r\n张伟,139-0000-0003,,,5\r\n赵六,13900000007,X,,6,extra\r\n';
    const res = await svc.inject({
      method: 'POST',
      url: `/api/v1/archive-batches?outreachEventId=${event1}`,
      payload: csv,
      headers: { ...clerk, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.accepted).toBe(1);
    expect(body.ignoredColumns).toEqual(['序号']);
    expect(body.duplicates.map((d: { row: number; duplicateOf: string }) => [d.row, d.duplicateOf])).toEqual([
      [4, 'EXISTING_CUSTOMER'],
      [5, 'EARLIER_ROW'],
    ]);
    expect(body.invalid.map((i: { row: number; field: string }) => [i.row, i.field])).toEqual([
      [2, 'name'],
      [6, 'record'],
      [6, 'gender'],
    ]);
  });

  it('refuses what cannot be a batch, with the contract codes', async () => {
    const unknown = await post('/api/v1/archive-batches', { outreachEventId: randomUUID(), records: [{ name: 'x', phone: '13900000010' }] }, clerk);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('OUTREACH_EVENT_NOT_FOUND');

    const empty = await outreach(d1, []);
    const noParticipants = await post('/api/v1/archive-batches', { outreachEventId: empty, records: [{ name: 'x', phone: '13900000010' }] }, clerk);
    expect([noParticipants.statusCode, noParticipants.json().code]).toEqual([422, 'OUTREACH_EVENT_HAS_NO_PARTICIPANTS']);

    const headless = await outreach(d3, participants);
    const noHead = await post('/api/v1/archive-batches', { outreachEventId: headless, records: [{ name: 'x', phone: '13900000010' }] }, clerk);
    expect([noHead.statusCode, noHead.json().code]).toEqual([422, 'DEPARTMENT_HAS_NO_HEAD']);

    const byEmployee = await post('/api/v1/archive-batches', { outreachEventId: event1, records: [] }, as(participants[0], Role.EMPLOYEE, d1));
    expect(byEmployee.statusCode).toBe(403);

    const noEvent = await post('/api/v1/archive-batches', { records: [] }, clerk);
    expect([noEvent.statusCode, noEvent.json().code]).toEqual([400, 'VALIDATION_FAILED']);

    const brokenCsv = await svc.inject({
      method: 'POST',
      url: `/api/v1/archive-batches?outreachEventId=${event1}`,
      payload: 'name,address\nx,y\n',
      headers: { ...clerk, 'content-type': 'text/csv' },
    });
    expect([brokenCsv.statusCode, brokenCsv.json().code]).toEqual([422, 'ARCHIVE_CSV_INVALID']);
    expect(await sql('SELECT count(*)::int AS n FROM customers WHERE phone = $1', ['+8613900000010'])).toEqual([{ n: 0 }]);
  });

  it('allocates a batch evenly and deterministically among the participants, once (O-4)', async () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ name: `顾客${i}`, phone: `1370000${String(i).padStart(4, '0')}` }));
    const batch = (await post('/api/v1/archive-batches', { outreachEventId: event1, records }, clerk)).json();
    expect(batch.accepted).toBe(10);
    const customerIds: string[] = batch.customers.map((c: { customerId: string }) => c.customerId);

    expect((await post(`/api/v1/archive-batches/${batch.id}/allocation`, {}, as(participants[0], Role.EMPLOYEE, d1))).statusCode).toBe(403);
    const otherHead = await post(`/api/v1/archive-batches/${batch.id}/allocation`, {}, as(head2, Role.DEPARTMENT_HEAD, d2));
    expect([otherHead.statusCode, otherHead.json().code]).toEqual([403, 'BATCH_NOT_IN_DEPARTMENT']);

    const res = await post(`/api/v1/archive-batches/${batch.id}/allocation`, {}, as(head1, Role.DEPARTMENT_HEAD, d1));
    expect(res.statusCode).toBe(201);
    const { allocations, allocatedBy } = res.json();
    expect(allocatedBy).toBe(head1);
    expect(allocations).toEqual(allocateEvenly(customerIds, participants, batch.id));
    const sizes = allocations.map((a: { customerIds: string[] }) => a.customerIds.length).sort();
    expect(sizes).toEqual([3, 3, 4]);

    // Recorded: owners, who got whom, history, audit, events, and the batch open to inspection.
    for (const a of allocations as { employeeId: string; customerIds: string[] }[]) {
      const owners = await sql('SELECT DISTINCT owner_id, department_id FROM customers WHERE id = ANY($1::uuid[])', [a.customerIds]);
      expect(owners).toEqual([{ owner_id: a.employeeId, department_id: d1 }]);
    }
    const history = (await get(`/api/v1/customers/${customerIds[0]}/history`)).json().items;
    expect(history[0]).toMatchObject({ kind: 'OWNER', from: head1, cause: `allocation of batch ${batch.id}`, actorId: head1 });
    expect(await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'OWNER_CHANGED' AND detail->>'causeId' = $1`, [batch.id])).toEqual([{ n: 10 }]);
    const assigned = await sql(`SELECT payload FROM outbox WHERE name = 'customer.assigned' AND payload->>'allocationId' = $1`, [batch.id]);
    expect(assigned).toHaveLength(10);
    expect(assigned[0].payload).toMatchObject({ previousOwnerId: head1, assignedBy: head1 });
    const inspected = (await get(`/api/v1/archive-batches/${batch.id}`, as(participants[1], Role.EMPLOYEE, d1))).json();
    expect(inspected.allocation).toMatchObject({ allocatedBy: head1, allocations });
    expect(inspected.customers.every((c: { employeeId: string | null }) => c.employeeId !== null)).toBe(true);

    const again = await post(`/api/v1/archive-batches/${batch.id}/allocation`, {}, admin);
    expect([again.statusCode, again.json().code]).toEqual([409, 'BATCH_ALREADY_ALLOCATED']);
  });

  it('lets the unique index decide between concurrent batches with the same phones: nothing lost, nothing twice', async () => {
    const phones = Array.from({ length: 60 }, (_, i) => `1360000${String(i).padStart(4, '0')}`);
    const a = phones.slice(0, 40).map((phone, i) => ({ name: `甲${i}`, phone }));
    const b = phones.slice(20).map((phone, i) => ({ name: `乙${i}`, phone }));
    const [ra, rb] = await Promise.all([
      post('/api/v1/archive-batches', { outreachEventId: event1, records: a }, clerk),
      post('/api/v1/archive-batches', { outreachEventId: event1, records: b }, clerk),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    const [ba, bb] = [ra.json(), rb.json()];
    expect(ba.accepted + bb.accepted).toBe(60);
    expect(ba.duplicates.length + bb.duplicates.length).toBe(20);
    const stored = await sql('SELECT id, phone FROM customers WHERE phone = ANY($1::text[])', [phones.map((p) => `+86${p}`)]);
    expect(stored).toHaveLength(60);
    const idOf = new Map(stored.map((r: { id: string; phone: string }) => [r.phone, r.id]));
    for (const d of [...ba.duplicates, ...bb.duplicates]) {
      expect(d.duplicateOf).toBe('EXISTING_CUSTOMER');
      expect(d.customerId).toBe(idOf.get(d.phone));
    }
  });

  it('reports a row whose phone another transaction stored after the duplicate check as a duplicate of the winner', async () => {
    // The winner inserts and holds its transaction open: the batch's lookup cannot see it, its insert waits.
    const winner = svc.app.get(DataSource).createQueryRunner();
    await winner.connect();
    await winner.startTransaction();
    const [{ id: winnerId }] = await winner.query(
      `INSERT INTO customers (name, phone, source, owner_id, department_id, assigned_at, created_at, updated_at)
       VALUES ('先到', '+8613500000001', 'WALK_IN', $1, $2, now(), now(), now()) RETURNING id`,
      [participants[0], d1],
    );
    const pending = post(
      '/api/v1/archive-batches',
      { outreachEventId: event1, records: [{ name: '后到', phone: '135 0000 0001' }, { name: '其他', phone: '13500000002' }, { name: '后到', phone: '13500000001' }] },
      clerk,
    );
    await new Promise((r) => setTimeout(r, 300));
    await winner.commitTransaction();
    await winner.release();
    const res = await pending;
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.accepted).toBe(1);
    expect(body.duplicates).toEqual([
      { row: 1, phone: '+8613500000001', customerId: winnerId, duplicateOf: 'EXISTING_CUSTOMER', duplicateOfRow: null },
      { row: 3, phone: '+8613500000001', customerId: winnerId, duplicateOf: 'EXISTING_CUSTOMER', duplicateOfRow: null },
    ]);
    expect(await sql('SELECT count(*)::int AS n FROM customers WHERE phone = $1', ['+8613500000001'])).toEqual([{ n: 1 }]);
    expect(await sql('SELECT count(*)::int AS n FROM archive_batch_customers WHERE batch_id = $1', [body.id])).toEqual([{ n: 1 }]);
  });
});
