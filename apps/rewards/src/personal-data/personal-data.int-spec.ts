import { randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { Role } from '@crm/auth';
import { queueFor } from '@crm/events';
import { bearer } from '@crm/testing';
import { RewardsHarness } from '../testing/harness';

/** P-3 in rewards: a customer's part of the data export, and the erasure that scrubs gift texts and stored answers and keeps the ledgers. */
describe('rewards: personal data (P-3)', () => {
  let h: RewardsHarness;
  const gm = bearer(Role.GENERAL_MANAGER, randomUUID(), null);
  const clerk = bearer(Role.CRM_CLERK, randomUUID(), null);
  const [referrer, customer, other, referred] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const meeting = randomUUID();
  const key = randomUUID();
  let saleId: string;

  const exportOf = (customerId: string, headers: Record<string, string> = gm) => h.get(`/api/v1/personal-data/${customerId}`, headers);
  const redeem = (customerId: string, body: { points: number; gift: string }, idempotencyKey = randomUUID()) =>
    h.post(`/api/v1/points/${customerId}/redemptions`, body, { ...clerk, 'idempotency-key': idempotencyKey });
  const erase = (customerId: string, id?: string) => h.feed.publish('customer.erased', { customerId, erasedBy: `employee:${randomUUID()}`, erasedAt: h.nowIso() }, { id });
  /** Lets the queue take the same event id again, as a redelivery after a crash would (the consumer's inbox then refuses it). */
  const forgetJob = async (eventId: string) => {
    const connection = new Redis(h.svc.env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(queueFor('rewards'), { connection, prefix: h.svc.redisPrefix });
    try {
      await (await Job.fromId(queue, eventId))?.remove();
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };
  /** Every row that must outlive an erasure unchanged (ids, points, amounts, dates), and the requests' columns but their texts. */
  const kept = async () => ({
    customers: await h.sql('SELECT * FROM customers ORDER BY id'),
    accounts: await h.sql('SELECT * FROM points_accounts ORDER BY customer_id'),
    entries: await h.sql('SELECT * FROM points_entries ORDER BY seq'),
    corrections: await h.sql('SELECT * FROM points_corrections ORDER BY entry_id'),
    requests: await h.sql('SELECT requested_by, idempotency_key, customer_id, redemption_id, points, status, created_at FROM redemption_requests ORDER BY requested_by, idempotency_key'),
    bonuses: await h.sql('SELECT * FROM referral_bonuses ORDER BY referred_customer_id'),
    sales: await h.sql('SELECT * FROM referral_sales ORDER BY sale_id'),
    refunds: await h.sql('SELECT * FROM referral_refunds ORDER BY refund_id'),
    spends: await h.sql('SELECT * FROM referral_spends ORDER BY customer_id, meeting_id, referrer_id'),
    fines: await h.sql('SELECT * FROM fine_entries ORDER BY seq'),
  });
  const requestsOf = (customerId: string) => h.sql('SELECT gift, fingerprint, status, body FROM redemption_requests WHERE customer_id = $1 ORDER BY created_at, status', [customerId]);

  beforeAll(async () => {
    h = await RewardsHarness.start();
    await h.registerCustomer(referrer);
    await h.registerCustomer(customer, referrer);
    await h.registerCustomer(other);
    await h.registerCustomer(referred, customer);
    // the customer's first meeting earns their referrer a bonus; R-2: the customer's referred spend earns them 1000 points.
    await h.feed.publish('meeting.attended', { meetingId: meeting, meetingDate: '2031-03-03', slot: 'EVENING', customerId: customer, attendedAt: h.nowIso(), firstAttendance: true, referrerId: referrer, departmentId: null, invitationId: null });
    await h.sale({ meetingId: meeting, customerId: referred, referrerId: customer, amountFen: 1_000_000 });
    saleId = randomUUID();
    await h.sale({ saleId, meetingId: meeting, customerId: customer, referrerId: referrer, amountFen: 300_000 });
    await h.refund({ saleId, meetingId: meeting, customerId: customer, amountFen: 100_000 });
    await h.fund(other, 500);
    expect((await redeem(customer, { points: 300, gift: '张三的电饭煲' }, key)).statusCode).toBe(201);
    expect((await redeem(customer, { points: 99_999, gift: '张三的冰箱' })).statusCode).toBe(409);
    expect((await redeem(other, { points: 100, gift: '李四的保温杯' })).statusCode).toBe(201);
    await h.feed.publish('fine.imposed', { fineId: randomUUID(), employeeId: randomUUID(), departmentId: randomUUID(), amountFen: 10_000, rule: 'J-11', sourceId: randomUUID(), imposedAt: h.nowIso() });
  });

  afterAll(() => h?.close());

  it('exports everything rewards holds about the customer, and nothing of another', async () => {
    const res = await exportOf(customer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ service: 'rewards', customerId: customer });
    const data = res.json().data;
    expect(data.knownCustomer).toMatchObject({ referrerId: referrer });
    expect(data.ownership).toMatchObject({ ownerId: expect.any(String), departmentId: expect.any(String) });
    expect(data.account).toMatchObject({ balance: 700, lifetimePoints: 1000, owedPoints: 0 });
    expect(data.entries.map((e: { points: number; reason: string }) => [e.reason, e.points])).toEqual([['REFERRAL_SALES', 1000], ['REDEMPTION', -300]]);
    expect(data.redemptions).toEqual([
      expect.objectContaining({ points: 300, gift: '张三的电饭煲', status: 201, idempotencyKey: key, answer: expect.objectContaining({ gift: '张三的电饭煲', balance: 700 }) }),
      expect.objectContaining({ points: 99_999, gift: '张三的冰箱', status: 409, redemptionId: null, answer: expect.objectContaining({ code: 'POINTS_INSUFFICIENT' }) }),
    ]);
    expect(data.referralBonuses).toEqual([expect.objectContaining({ referredCustomerId: customer, referrerId: referrer, meetingId: meeting })]);
    expect(data.referralSales).toEqual(
      expect.arrayContaining([expect.objectContaining({ customerId: referred, referrerId: customer, amountFen: 1_000_000 }), expect.objectContaining({ saleId, customerId: customer, amountFen: 300_000 })]),
    );
    expect(data.referralSales).toHaveLength(2);
    expect(data.referralRefunds).toEqual([expect.objectContaining({ saleId, amountFen: 100_000 })]);
    expect(data.corrections).toEqual([]);
    expect(res.body).not.toContain(other);
    expect(res.body).not.toContain('李四');
  });

  it('answers data null for a customer rewards never heard of, 400 for an id that is not one', async () => {
    const unknown = randomUUID();
    const res = await exportOf(unknown);
    expect([res.statusCode, res.json()]).toEqual([200, { service: 'rewards', customerId: unknown, data: null }]);
    expect((await exportOf('not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses every caller but the general manager and admins, partners included', async () => {
    const d1 = await h.department('P3');
    const callers = [d1.employees[0], d1.head, clerk, bearer(Role.COORDINATOR, randomUUID(), null), bearer(Role.RESOURCE_DIRECTOR, randomUUID(), null), await h.partner(['points:read', 'points:write'])];
    for (const headers of callers) {
      const res = await exportOf(customer, headers);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('张三');
    }
    expect((await exportOf(customer, h.admin)).statusCode).toBe(200);
  });

  it("on customer.erased scrubs the customer's gift texts and stored answers and keeps every id, point, amount and date", async () => {
    const before = await kept();
    const othersBefore = await requestsOf(other);
    await erase(customer);

    const requests = await requestsOf(customer);
    expect(requests.map((r) => [r.gift, r.fingerprint, r.status])).toEqual([['已删除', 'erased', 201], ['已删除', 'erased', 409]]);
    expect(requests[0].body).toMatchObject({ gift: '已删除', points: 300, balance: 700, customerId: customer });
    expect(requests[1].body).not.toHaveProperty('gift');
    expect(await requestsOf(other)).toEqual(othersBefore);
    expect(await kept()).toEqual(before);
    expect(JSON.stringify(await h.sql('SELECT * FROM redemption_requests WHERE customer_id = $1', [customer]))).not.toMatch(/张三/);
    expect(await h.balanceOf(customer)).toBe(700);
    expect((await h.sweep('ledger-audit')).drift).toBe(0);

    const after = (await exportOf(customer)).json().data;
    expect(after.account).toMatchObject({ balance: 700, lifetimePoints: 1000 });
    expect(JSON.stringify(after)).not.toMatch(/张三/);
  });

  it('never redeems twice for a key of an erased request: the same request again is IDEMPOTENCY_KEY_REUSED', async () => {
    const again = await redeem(customer, { points: 300, gift: '张三的电饭煲' }, key);
    expect([again.statusCode, again.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await h.balanceOf(customer)).toBe(700);
  });

  it('is idempotent: the same erasure again, redelivered or announced anew, changes nothing', async () => {
    const before = { kept: await kept(), requests: await h.sql('SELECT * FROM redemption_requests ORDER BY requested_by, idempotency_key') };
    const id = randomUUID();
    await erase(customer, id);
    await forgetJob(id);
    await erase(customer, id);
    expect(await h.sql('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [id])).toEqual([{ n: 1 }]);
    await erase(customer);
    await erase(randomUUID());
    expect({ kept: await kept(), requests: await h.sql('SELECT * FROM redemption_requests ORDER BY requested_by, idempotency_key') }).toEqual(before);
  });
});
