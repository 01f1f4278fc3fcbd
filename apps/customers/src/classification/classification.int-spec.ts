import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@crm/auth';
import { Clock, ClockSync } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadCustomersConfig } from '../config';

const DAY = 86_400_000;

/** S-1..S-3 from events on the real queue, and the classification sweep with the suite clock moved. */
describe('classification', () => {
  let svc: TestService;
  let feed: EventFeed;
  let clock: Clock;
  const admin = bearer(Role.ADMIN);
  let d1: string;
  let owner: string;
  let phoneSeq = 0;

  const sql = (query: string, params: unknown[] = []) => svc.app.get(DataSource).query(query, params);
  const post = (url: string, payload: unknown, headers = admin) => svc.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, headers = admin) => svc.inject({ method: 'GET', url, headers });
  const stageOf = async (id: string) => (await get(`/api/v1/customers/${id}`)).json().stage as string;
  const history = async (id: string) =>
    ((await get(`/api/v1/customers/${id}/history`)).json().items as { kind: string; from: string; to: string; cause: string }[]).filter((h) => h.kind === 'STAGE');

  async function customer(): Promise<string> {
    const res = await post('/api/v1/customers', { name: '顾客', phone: `1590000${String(++phoneSeq).padStart(4, '0')}`, source: 'WALK_IN', ownerId: owner });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  const sale = (customerId: string, amountFen: number, saleId = randomUUID(), soldAt = clock.now()) =>
    feed.publish('sale.recorded', {
      saleId,
      meetingId: randomUUID(),
      customerId,
      amountFen,
      creditedEmployeeId: owner,
      creditedDepartmentId: d1,
      referrerId: null,
      soldAt: soldAt.toISOString(),
    });
  const refund = (customerId: string, saleId: string, amountFen: number) =>
    feed.publish('sale.refunded', { refundId: randomUUID(), saleId, meetingId: randomUUID(), customerId, amountFen, refundedAt: clock.now().toISOString() });
  const runSweep = async (name = 'classification') => post(`/api/v1/admin/sweeps/${name}`, {});
  const moveClock = async (to: Date) => expect((await svc.inject({ method: 'PUT', url: '/api/v1/admin/clock', payload: { now: to.toISOString() }, headers: admin })).statusCode).toBe(200);

  beforeAll(async () => {
    svc = await startTestService((env) => AppModule.forRoot(loadCustomersConfig(env)), { name: 'customers' });
    clock = svc.app.get(Clock);
    // Nothing in the platform starts ClockSync yet (libs/platform/clock: start() is never called), so the
    // clock admin endpoint answers 500; start it here as the platform should.
    await svc.app.get(ClockSync).start();
    feed = new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, clock);
    d1 = (await post('/api/v1/departments', { name: '一部', code: 'C1' })).json().id;
    owner = (await post('/api/v1/employees', { name: 'Owner', role: 'EMPLOYEE', departmentId: d1 })).json().id;
  });

  afterAll(async () => {
    await feed?.close();
    await svc?.close();
  });

  it('makes a customer PROBLEM when a complaint is filed, and records why (S-1, S-3)', async () => {
    const id = await customer();
    const complaintId = randomUUID();
    const eventId = await feed.publish('complaint.filed', {
      complaintId,
      customerId: id,
      employeeId: owner,
      departmentId: d1,
      cause: 'WORK_ATTITUDE',
      channel: 'HOTLINE',
      filedAt: clock.now().toISOString(),
      dueAt: new Date(clock.now().getTime() + 3 * DAY).toISOString(),
    });
    expect(await stageOf(id)).toBe('PROBLEM');
    const [entry] = await history(id);
    expect(entry).toMatchObject({ from: 'POTENTIAL', to: 'PROBLEM' });
    expect(entry.cause).toContain(`complaint.filed ${eventId}`);
    const [changed] = await sql(`SELECT payload FROM outbox WHERE name = 'customer.stage_changed' AND payload->>'customerId' = $1`, [id]);
    expect(changed.payload).toMatchObject({ from: 'POTENTIAL', to: 'PROBLEM', cause: `complaint.filed:${eventId}`, ownerId: owner, departmentId: d1 });

    // Resolved today: still PROBLEM for 30 days, so no new history entry.
    await feed.publish('complaint.resolved', { complaintId, customerId: id, employeeId: owner, departmentId: d1, resolvedBy: owner, resolvedAt: clock.now().toISOString() });
    expect(await stageOf(id)).toBe('PROBLEM');
    expect(await history(id)).toHaveLength(1);
  });

  it('moves a buyer to NEW on the first purchase and to LOYAL on the third', async () => {
    const id = await customer();
    await sale(id, 100_00);
    expect(await stageOf(id)).toBe('NEW');
    await sale(id, 200_00);
    await sale(id, 300_00);
    expect(await stageOf(id)).toBe('LOYAL');
    expect((await history(id)).map((h) => `${h.from}->${h.to}`)).toEqual(['NEW->LOYAL', 'POTENTIAL->NEW']);
  });

  it('keeps a refund that arrives before its sale, and a fully refunded sale is no purchase', async () => {
    const id = await customer();
    await sale(id, 100_00);
    await sale(id, 100_00);
    const late = randomUUID();
    await refund(id, late, 500_00); // the sale is not known yet
    expect(await sql('SELECT amount_fen::int AS a, refunded_fen::int AS r FROM customer_purchases WHERE sale_id = $1', [late])).toEqual([{ a: 0, r: 500_00 }]);
    await sale(id, 500_00, late);
    expect(await sql('SELECT amount_fen::int AS a, refunded_fen::int AS r FROM customer_purchases WHERE sale_id = $1', [late])).toEqual([{ a: 500_00, r: 500_00 }]);
    expect(await stageOf(id)).toBe('NEW'); // two purchases count, the refunded third does not

    // A partial refund leaves a purchase; refunding the rest of a LOYAL customer's sale drops them back.
    const third = randomUUID();
    await sale(id, 300_00, third);
    expect(await stageOf(id)).toBe('LOYAL');
    await refund(id, third, 100_00);
    expect(await stageOf(id)).toBe('LOYAL');
    await refund(id, third, 200_00);
    expect(await stageOf(id)).toBe('NEW');
  });

  it('keeps the V-2 flag from customer.under_served and customer.served', async () => {
    const id = await customer();
    await feed.publish('customer.under_served', { customerId: id, ownerId: owner, departmentId: d1, lastServedAt: null, detectedAt: clock.now().toISOString() });
    expect((await get(`/api/v1/customers/${id}`)).json().underServed).toBe(true);
    await feed.publish('customer.served', { customerId: id, ownerId: owner, departmentId: d1, servedAt: clock.now().toISOString() });
    expect((await get(`/api/v1/customers/${id}`)).json().underServed).toBe(false);
  });

  it('runs only for administrators and only sweeps this service has', async () => {
    expect((await post('/api/v1/admin/sweeps/classification', {}, bearer(Role.GENERAL_MANAGER))).statusCode).toBe(403);
    const unknown = await runSweep('complaint-sla');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'SWEEP_NOT_FOUND']);
  });

  it('reclassifies everyone and assigns value tiers when time passes (S-1, S-2)', async () => {
    const start = clock.now();
    const newBuyer = await customer();
    await sale(newBuyer, 50_00);
    expect(await stageOf(newBuyer)).toBe('NEW');
    // Ten spenders with distinct spend above everyone else's; with the 3 earlier buyers of this file that
    // is 13 spenders: A = top ceil(20%) = 3, A+B = top ceil(50%) = 7. A customer without spend has no tier.
    const spenders: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const id = await customer();
      spenders.push(id);
      await sale(id, i * 1000_00);
    }
    const idle = await customer();

    const first = await runSweep();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ sweep: 'classification', trigger: 'on-demand', status: 'completed' });
    const tierOf = async (id: string) => (await get(`/api/v1/customers/${id}`)).json().valueTier as string | null;
    expect(await Promise.all(spenders.map(tierOf))).toEqual(['C', 'C', 'C', 'B', 'B', 'B', 'B', 'A', 'A', 'A']);
    expect(await tierOf(idle)).toBeNull();
    expect(first.json().result).toMatchObject({ spendingCustomers: 13, tiers: { A: 3, B: 4, C: 6 } });
    // Idempotent: nothing changes when nothing happened.
    expect((await runSweep()).json().result).toMatchObject({ stagesChanged: 0, tiersChanged: 0 });

    // 100 days on: the first purchase is no longer recent (NEW -> POTENTIAL); the resolved complaint is old.
    await moveClock(new Date(start.getTime() + 100 * DAY));
    const later = (await runSweep()).json();
    expect(later.result.transitions['NEW->POTENTIAL']).toBeGreaterThanOrEqual(12);
    expect(later.result.transitions['PROBLEM->POTENTIAL']).toBe(1);
    expect(await stageOf(newBuyer)).toBe('POTENTIAL');
    const [entry] = await history(newBuyer);
    expect(entry).toMatchObject({ from: 'NEW', to: 'POTENTIAL' });
    expect(entry.cause).toContain('classification sweep');

    // 400 days on: no purchase within 365 days and no meeting within 180: CHURNED, and no spend, no tier.
    await moveClock(new Date(start.getTime() + 400 * DAY));
    const churned = (await runSweep()).json();
    expect(churned.result.transitions['POTENTIAL->CHURNED']).toBeGreaterThanOrEqual(11);
    expect(churned.result.tiersCleared).toBe(13);
    expect(await stageOf(newBuyer)).toBe('CHURNED');
    expect(await tierOf(spenders[9])).toBeNull();

    // Attending a meeting brings a churned customer back to POTENTIAL at once.
    await feed.publish('meeting.attended', {
      meetingId: randomUUID(),
      meetingDate: '2027-01-01',
      slot: 'AFTERNOON',
      customerId: newBuyer,
      attendedAt: clock.now().toISOString(),
      firstAttendance: true,
      referrerId: null,
      departmentId: d1,
      invitationId: null,
    });
    expect(await stageOf(newBuyer)).toBe('POTENTIAL');
  });

  it('counts a reopened complaint as unresolved again until its second resolution (C-5, S-1)', async () => {
    const id = await customer();
    const complaintId = randomUUID();
    const subject = { complaintId, customerId: id, employeeId: owner, departmentId: d1 };
    const resolvedAt = () => sql('SELECT resolved_at FROM customer_complaints WHERE complaint_id = $1', [complaintId]);
    const now = clock.now();
    await feed.publish('complaint.filed', { ...subject, cause: 'WORK_ATTITUDE', channel: 'HOTLINE', filedAt: now.toISOString(), dueAt: new Date(now.getTime() + 72 * 3_600_000).toISOString() });
    await feed.publish('complaint.resolved', { ...subject, resolvedBy: owner, resolvedAt: new Date(now.getTime() + 1_000).toISOString() });
    await feed.publish('complaint.reopened', { ...subject, reopenedBy: null, reopenedAt: new Date(now.getTime() + 2_000).toISOString(), dueAt: new Date(now.getTime() + 72 * 3_600_000).toISOString() });
    expect(await resolvedAt()).toEqual([{ resolved_at: null }]);
    expect(await stageOf(id)).toBe('PROBLEM');
    const second = new Date(now.getTime() + 3_000);
    await feed.publish('complaint.resolved', { ...subject, resolvedBy: owner, resolvedAt: second.toISOString() });
    expect(await resolvedAt()).toEqual([{ resolved_at: second }]);
  });
});
