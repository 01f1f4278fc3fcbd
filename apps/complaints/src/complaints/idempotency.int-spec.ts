import { randomUUID } from 'node:crypto';
import { Role } from '@crm/auth';
import { keyMaterialOf, requestHashOf } from '@crm/http';
import { bearer } from '@crm/testing';
import { ComplaintsHarness, Department } from '../testing/harness';

/**
 * The Idempotency-Key of every POST (docs/api/partners.md "Retrying safely") on filing a complaint: a retry gets
 * the first answer and files nothing more, another body is 422, concurrent twins file once, keys are per caller,
 * and a crash between the filing's commit and the stored answer never files twice.
 */
describe('complaints: Idempotency-Key on filing', () => {
  let h: ComplaintsHarness;
  let d1: Department;
  let customer: string;
  const gmId = randomUUID();
  const gm = bearer(Role.GENERAL_MANAGER, gmId, null);

  const complaints = async () => (await h.sql(`SELECT count(*)::int AS n FROM complaints`))[0].n;
  const filedEvents = async () => (await h.outbox('complaint.filed')).length;
  const keyed = (key: string, headers: Record<string, string> = gm) => ({ ...headers, 'idempotency-key': key });
  const body = (extra: object = {}) => ({ customerId: customer, employeeId: d1.employeeIds[0], cause: 'SERVICE_NOT_IN_PLACE', channel: 'HOTLINE', description: '服务不到位', ...extra });
  /** The stored key: found by the key's SHA-256, the database never holds the key itself. */
  const byKey = `key_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`;
  const row = async (key: string) => (await h.sql(`SELECT state, attempt, effects_committed, status, caller, method, path FROM idempotency_keys WHERE ${byKey}`, [key]))[0];

  beforeAll(async () => {
    h = await ComplaintsHarness.start();
    d1 = await h.department('D1');
    customer = await h.customer(d1.employeeIds[0], d1.id);
  });

  afterAll(() => h?.close());

  it('answers a retry with the first answer, byte for byte, and files nothing more', async () => {
    const key = randomUUID();
    const [before, eventsBefore] = [await complaints(), await filedEvents()];
    const first = await h.file(body(), keyed(key));
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await h.file(body(), keyed(key));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toBe(first.body);
    expect([await complaints(), await filedEvents()]).toEqual([before + 1, eventsBefore + 1]);
    // The key is the caller's, on this method and path; the filing's own transaction marked its effects.
    expect(await row(key)).toEqual({ state: 'DONE', attempt: 1, effects_committed: true, status: 201, caller: `employee:${gmId}`, method: 'POST', path: '/api/v1/complaints' });
    // At rest, neither the key nor the answer is readable: the answer is sealed with a secret derived from the key.
    const [stored] = await h.sql(`SELECT key_hash, body FROM idempotency_keys WHERE ${byKey}`, [key]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    for (const clear of [first.json().id, '服务不到位', 'customerId']) expect(stored.body).not.toContain(clear);
  });

  it('treats the same body with its fields in another order as the same request', async () => {
    const key = randomUUID();
    const first = await h.file(body(), keyed(key));
    const reordered = Object.fromEntries(Object.entries(body()).reverse());
    const again = await h.post('/api/v1/complaints', reordered, keyed(key));
    expect([again.statusCode, again.headers['idempotency-replayed'], again.body]).toEqual([201, 'true', first.body]);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and files nothing', async () => {
    const key = randomUUID();
    await h.file(body(), keyed(key));
    const before = await complaints();
    const other = await h.file(body({ description: '另一件事' }), keyed(key));
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await complaints()).toBe(before);
  });

  it('files once for concurrent twins: the others replay or are told the first is still running', async () => {
    const key = randomUUID();
    const before = await complaints();
    const answers = await Promise.all(Array.from({ length: 8 }, () => h.file(body({ description: '并发' }), keyed(key))));
    expect(await complaints()).toBe(before + 1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.filter((a) => a.headers['idempotency-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect([a.statusCode, a.json().code, a.headers['retry-after']]).toEqual([409, 'IDEMPOTENCY_KEY_IN_PROGRESS', '1']);
    }
    const after = await h.file(body({ description: '并发' }), keyed(key));
    expect([after.statusCode, after.json().id]).toEqual([201, created[0].json().id]);
  });

  it("keeps keys per caller: another caller's same key and body is a request of its own", async () => {
    const key = randomUUID();
    const before = await complaints();
    const mine = await h.file(body(), keyed(key));
    const theirs = await h.file(body(), keyed(key, d1.head));
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    const partner = await h.partner(['complaints:write']);
    const partnerFiling = await h.file(body({ channel: 'PARTNER', employeeId: undefined }), keyed(key, partner));
    expect([partnerFiling.statusCode, partnerFiling.headers['idempotency-replayed']]).toEqual([201, undefined]);
    expect(await complaints()).toBe(before + 3);
    // The same key on another path is no reuse either.
    const resolved = await h.post(`/api/v1/complaints/${mine.json().id}/resolution`, { note: '已处理' }, keyed(key));
    expect(resolved.statusCode).toBe(200);
  });

  it('files as usual without a key, twice for two requests', async () => {
    const before = await complaints();
    expect((await h.file(body(), gm)).statusCode).toBe(201);
    expect((await h.file(body(), gm)).statusCode).toBe(201);
    expect(await complaints()).toBe(before + 2);
  });

  it('stores a 4xx answer as the first answer (as Stripe does) and replays it', async () => {
    const key = randomUUID();
    const refused = await h.file(body({ channel: 'TO_GENERAL_MANAGER' }), keyed(key, d1.head));
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'COMPLAINT_FILING_NOT_ALLOWED']);
    const again = await h.file(body({ channel: 'TO_GENERAL_MANAGER' }), keyed(key, d1.head));
    expect([again.statusCode, again.headers['idempotency-replayed'], again.headers['content-type'], again.body]).toEqual([403, 'true', refused.headers['content-type'], refused.body]);
    const invalid = await h.file(body({ channel: 'EMAIL' }), keyed(`${key}-v`));
    expect([invalid.statusCode, invalid.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const invalidAgain = await h.file(body({ channel: 'EMAIL' }), keyed(`${key}-v`));
    expect([invalidAgain.statusCode, invalidAgain.headers['idempotency-replayed']]).toEqual([400, 'true']);
  });

  it.each([
    ['an empty key', ''],
    ['a key over 255 characters', 'k'.repeat(256)],
  ])('refuses %s (400 VALIDATION_FAILED) and files nothing', async (_what, key) => {
    const before = await complaints();
    const res = await h.file(body(), keyed(key));
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await complaints()).toBe(before);
    expect((await h.file(body(), keyed('k'.repeat(255)))).statusCode).toBe(201);
  });

  it('leaves GET alone', async () => {
    const id = (await h.file(body(), gm)).json().id;
    const read = await h.get(`/api/v1/complaints/${id}`, keyed(randomUUID()));
    const reread = await h.get(`/api/v1/complaints/${id}`, keyed(randomUUID()));
    expect([read.statusCode, reread.statusCode, reread.headers['idempotency-replayed']]).toEqual([200, 200, undefined]);
    expect(await h.sql(`SELECT 1 FROM idempotency_keys WHERE method <> 'POST'`)).toEqual([]);
  });

  describe('after a crash', () => {
    const material = (key: string) => keyMaterialOf({ caller: `employee:${gmId}`, method: 'POST', path: '/api/v1/complaints', key });
    /** A claim as a process that died left it: still RUNNING, its lease long over. */
    const abandoned = (key: string, requestBody: object, effectsCommitted: boolean, lockedAgo = "interval '1 hour'") =>
      h.sql(
        `INSERT INTO idempotency_keys (id, caller, method, path, key_hash, request_hash, state, attempt, effects_committed, locked_at, created_at, expires_at)
         VALUES ($1, $2, 'POST', '/api/v1/complaints', $3, $4, 'RUNNING', 1, $5, clock_timestamp() - ${lockedAgo}, $6, $7)`,
        [randomUUID(), `employee:${gmId}`, material(key).keyHash, requestHashOf(requestBody, material(key).secret), effectsCommitted, h.now(), new Date(h.now().getTime() + 3_600_000)],
      );

    it('runs a request whose first attempt committed nothing, once', async () => {
      const key = randomUUID();
      await abandoned(key, body({ description: '重试' }), false);
      const before = await complaints();
      const res = await h.file(body({ description: '重试' }), keyed(key));
      expect([res.statusCode, res.headers['idempotency-replayed']]).toEqual([201, undefined]);
      expect(await row(key)).toMatchObject({ state: 'DONE', attempt: 2, effects_committed: true, status: 201 });
      expect((await h.file(body({ description: '重试' }), keyed(key))).body).toBe(res.body);
      expect(await complaints()).toBe(before + 1);
    });

    it('never runs again a request that took effect but lost its answer (409 IDEMPOTENCY_KEY_ANSWER_LOST)', async () => {
      const key = randomUUID();
      await abandoned(key, body({ description: '丢失' }), true);
      const before = await complaints();
      const res = await h.file(body({ description: '丢失' }), keyed(key));
      expect([res.statusCode, res.json().code]).toEqual([409, 'IDEMPOTENCY_KEY_ANSWER_LOST']);
      expect(await complaints()).toBe(before);
    });

    it('tells a retry within the lease that the first is still running (409, Retry-After: 1)', async () => {
      const key = randomUUID();
      await abandoned(key, body(), false, "interval '1 second'");
      const res = await h.file(body(), keyed(key));
      expect([res.statusCode, res.json().code, res.headers['retry-after']]).toEqual([409, 'IDEMPOTENCY_KEY_IN_PROGRESS', '1']);
    });
  });

  it('forgets a key after 24 hours: the same key then files anew', async () => {
    const key = randomUUID();
    const first = await h.file(body(), keyed(key));
    await h.sql(`UPDATE idempotency_keys SET expires_at = $2 WHERE ${byKey}`, [key, new Date(h.now().getTime() - 1000)]);
    const later = await h.file(body(), keyed(key));
    expect([later.statusCode, later.headers['idempotency-replayed']]).toEqual([201, undefined]);
    expect(later.json().id).not.toBe(first.json().id);
    expect(await h.sql(`SELECT 1 FROM idempotency_keys WHERE expires_at <= $1`, [h.now()])).toEqual([]);
  });
});
