import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { bearer } from '@crm/testing';
import { RewardsHarness } from '../testing/harness';

/** Redemptions: idempotent by key, never overdrawing under concurrency, refusing bad input without a trace. */
describe('rewards: redemptions', () => {
  let h: RewardsHarness;
  const clerk = bearer(Role.CRM_CLERK);
  const redeem = (customerId: string, body: unknown, key: string | null, headers: Record<string, string> = clerk) =>
    h.post(`/api/v1/points/${customerId}/redemptions`, body, key === null ? headers : { ...headers, 'idempotency-key': key });
  const entriesOf = async (customerId: string) => (await h.sql(`SELECT count(*)::int AS n FROM points_entries WHERE customer_id = $1`, [customerId]))[0].n;

  beforeAll(async () => {
    h = await RewardsHarness.start();
  });

  afterAll(() => h?.close());

  it('never overdraws: 200 concurrent redemptions of one account', async () => {
    const customer = await h.registerCustomer();
    await h.fund(customer, 5000);
    const points = 70; // 5000 / 70: 71 can succeed, 129 must be refused
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => redeem(customer, { points, gift: `礼品${i}` }, randomUUID())));
    const statuses = answers.map((a) => a.statusCode);
    const ok = statuses.filter((s) => s === 201).length;
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(ok * points).toBeLessThanOrEqual(5000);
    expect(ok).toBe(Math.floor(5000 / points));
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().code).toBe('POINTS_INSUFFICIENT');
    const balances = answers.filter((a) => a.statusCode === 201).map((a) => a.json().balance);
    expect(Math.min(...balances)).toBeGreaterThanOrEqual(0);
    expect(new Set(balances).size).toBe(ok); // each success saw its own balance: one after another
    expect(await h.balanceOf(customer)).toBe(5000 - ok * points);
    expect((await h.post('/api/v1/admin/sweeps/ledger-audit', {})).json().result.drift).toBe(0);
  });

  it('replays the first answer for the same key and refuses the key for another request', async () => {
    const customer = await h.registerCustomer();
    await h.fund(customer, 1000);
    const key = randomUUID();
    const first = await redeem(customer, { points: 300, gift: '保温杯' }, key);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ customerId: customer, points: 300, gift: '保温杯', balance: 700 });

    const again = await redeem(customer, { points: 300, gift: '保温杯' }, key);
    expect([again.statusCode, again.body]).toEqual([201, first.body]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await h.balanceOf(customer)).toBe(700);

    for (const [body, who] of [[{ points: 301, gift: '保温杯' }, customer], [{ points: 300, gift: '电饭煲' }, customer], [{ points: 300, gift: '保温杯' }, await h.registerCustomer()]] as const) {
      const reused = await redeem(who, body, key);
      expect([reused.statusCode, reused.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    }
    expect(await h.balanceOf(customer)).toBe(700);

    // Concurrent twins with one key: one redemption, every answer the same.
    const twinKey = randomUUID();
    const twins = await Promise.all(Array.from({ length: 10 }, () => redeem(customer, { points: 100, gift: '毛巾' }, twinKey)));
    expect(new Set(twins.map((t) => t.body)).size).toBe(1);
    expect(twins[0].statusCode).toBe(201);
    expect(await h.balanceOf(customer)).toBe(600);

    // Keys are each caller's own: another clerk sending the first key makes a new request, never sees that answer.
    const theirs = await redeem(customer, { points: 300, gift: '保温杯' }, key, bearer(Role.CRM_CLERK, randomUUID(), null));
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).not.toBe('true');
    expect(theirs.json().id).not.toBe(first.json().id);
    expect(await h.balanceOf(customer)).toBe(300);
  });

  it('replays a refusal too, with the same status and body', async () => {
    const customer = await h.registerCustomer();
    const key = randomUUID();
    const refused = await redeem(customer, { points: 100, gift: '雨伞' }, key);
    expect([refused.statusCode, refused.json().code, refused.headers['content-type']]).toEqual([409, 'POINTS_INSUFFICIENT', expect.stringContaining('application/problem+json')]);
    await h.fund(customer, 100);
    const replayed = await redeem(customer, { points: 100, gift: '雨伞' }, key);
    expect([replayed.statusCode, replayed.body]).toEqual([409, refused.body]);
    expect(await h.balanceOf(customer)).toBe(100);
  });

  it('refuses bad requests with a code and changes nothing', async () => {
    const customer = await h.registerCustomer();
    await h.fund(customer, 500);
    const cases: [string, () => ReturnType<typeof redeem>, number, string][] = [
      ['no Idempotency-Key', () => redeem(customer, { points: 10, gift: '笔' }, null), 400, 'IDEMPOTENCY_KEY_REQUIRED'],
      ['an empty Idempotency-Key', () => redeem(customer, { points: 10, gift: '笔' }, ''), 400, 'IDEMPOTENCY_KEY_REQUIRED'],
      ['an Idempotency-Key with spaces', () => redeem(customer, { points: 10, gift: '笔' }, 'a key'), 400, 'IDEMPOTENCY_KEY_INVALID'],
      ['zero points', () => redeem(customer, { points: 0, gift: '笔' }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['negative points', () => redeem(customer, { points: -50, gift: '笔' }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['fractional points', () => redeem(customer, { points: 1.5, gift: '笔' }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['points as text', () => redeem(customer, { points: '10', gift: '笔' }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['no gift', () => redeem(customer, { points: 10 }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['a blank gift', () => redeem(customer, { points: 10, gift: '   ' }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['an unknown field', () => redeem(customer, { points: 10, gift: '笔', balance: 1e9 }, randomUUID()), 400, 'VALIDATION_FAILED'],
      ['a malformed customer id', () => redeem('not-a-uuid', { points: 10, gift: '笔' }, randomUUID()), 400, 'BAD_REQUEST'],
      ['an unknown customer', () => redeem(randomUUID(), { points: 10, gift: '笔' }, randomUUID()), 404, 'CUSTOMER_NOT_FOUND'],
      ['more points than the balance', () => redeem(customer, { points: 501, gift: '笔' }, randomUUID()), 409, 'POINTS_INSUFFICIENT'],
      ['an employee', () => redeem(customer, { points: 10, gift: '笔' }, randomUUID(), bearer(Role.EMPLOYEE)), 403, 'FORBIDDEN'],
      ['the coordinator', () => redeem(customer, { points: 10, gift: '笔' }, randomUUID(), bearer(Role.COORDINATOR)), 403, 'FORBIDDEN'],
      ['no credentials', () => redeem(customer, { points: 10, gift: '笔' }, randomUUID(), {}), 401, 'UNAUTHENTICATED'],
    ];
    for (const [what, call, status, code] of cases) {
      const res = await call();
      expect([what, res.statusCode, res.json().code]).toEqual([what, status, code]);
    }
    expect(await h.balanceOf(customer)).toBe(500);
    expect(await entriesOf(customer)).toBe(1);
  });

  it('lets the roles of the choice and partners with points:write redeem; points:read only reads', async () => {
    // P-1: a head redeems for the customers of their own department (points-access.int-spec.ts shows the others refused).
    const departmentId = randomUUID();
    const customer = await h.registerCustomer(randomUUID(), null, { ownerId: randomUUID(), departmentId });
    await h.fund(customer, 1000);
    for (const role of [Role.CRM_CLERK, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN]) {
      expect((await redeem(customer, { points: 100, gift: '笔' }, randomUUID(), bearer(role, randomUUID(), role === Role.DEPARTMENT_HEAD ? departmentId : null))).statusCode).toBe(201);
    }
    const writer = await h.partner(['points:write']);
    const reader = await h.partner(['points:read']);
    const other = await h.partner(['customers:read']);
    const byPartner = await redeem(customer, { points: 100, gift: '笔' }, randomUUID(), writer);
    expect(byPartner.statusCode).toBe(201);
    expect((await h.sql(`SELECT requested_by FROM redemption_requests WHERE redemption_id = $1`, [byPartner.json().id]))[0].requested_by).toMatch(/^partner:/);
    expect((await redeem(customer, { points: 100, gift: '笔' }, randomUUID(), reader)).statusCode).toBe(403);
    expect((await h.get(`/api/v1/points/${customer}`, reader)).json().balance).toBe(500);
    expect((await h.get(`/api/v1/points/${customer}`, other)).statusCode).toBe(403);
    expect((await h.get(`/api/v1/points/${customer}`, writer)).statusCode).toBe(403);
  });
});
