import { randomUUID } from 'node:crypto';
import { DAY, Department, VisitsHarness } from '../testing/harness';

/**
 * The Idempotency-Key of every POST (docs/api/partners.md "Retrying safely") on recording a service: a retry gets
 * the first answer and records nothing more, another body is 422, concurrent twins record once, keys are per
 * caller, and no key records as before.
 */
describe('service-visits: Idempotency-Key on recording a service', () => {
  let h: VisitsHarness;
  let d1: Department;
  let customer: string;

  const records = async () => (await h.sql(`SELECT count(*)::int AS n FROM service_records`))[0].n;
  const keyed = (key: string, headers: Record<string, string>) => ({ ...headers, 'idempotency-key': key });
  const visit = { category: 'REGULAR', kind: 'HOME_VISIT', notes: '上门回访', readings: [{ systolic: 131, diastolic: 84 }] };

  beforeAll(async () => {
    h = await VisitsHarness.start();
    d1 = await h.department('D1');
    customer = await h.customer(d1, new Date(h.now().getTime() - DAY));
  });

  afterAll(() => h?.close());

  it('answers a retry with the first answer and records nothing more', async () => {
    const key = randomUUID();
    const before = await records();
    const first = await h.record(customer, keyed(key, d1.employees[0]), visit);
    expect(first.statusCode).toBe(201);
    const again = await h.record(customer, keyed(key, d1.employees[0]), visit);
    expect([again.statusCode, again.headers['idempotency-replayed'], again.body]).toEqual([201, 'true', first.body]);
    expect(again.json()).toMatchObject({ customerId: customer, readings: visit.readings });
    expect(await records()).toBe(before + 1);
  });

  it('never keeps the readings of an answer in clear: the stored answer is sealed with a secret derived from the key', async () => {
    const key = randomUUID();
    const readings = [{ systolic: 187, diastolic: 113, pulse: 99 }];
    const first = await h.record(customer, keyed(key, d1.employees[0]), { ...visit, readings });
    expect(first.json().readings).toEqual(readings);
    const [stored] = await h.sql(`SELECT key_hash, body FROM idempotency_keys WHERE key_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [key]);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    for (const clear of ['systolic', JSON.stringify(readings), first.json().id]) expect(stored.body).not.toContain(clear);
    const again = await h.record(customer, keyed(key, d1.employees[0]), { ...visit, readings });
    expect([again.headers['idempotency-replayed'], again.json().readings]).toEqual(['true', readings]);
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and records nothing', async () => {
    const key = randomUUID();
    await h.record(customer, keyed(key, d1.employees[0]), visit);
    const before = await records();
    const other = await h.record(customer, keyed(key, d1.employees[0]), { ...visit, notes: '另一次' });
    expect([other.statusCode, other.json().code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await records()).toBe(before);
  });

  it('records once for concurrent twins', async () => {
    const key = randomUUID();
    const before = await records();
    const answers = await Promise.all(Array.from({ length: 6 }, () => h.record(customer, keyed(key, d1.employees[0]), { ...visit, notes: '并发' })));
    expect(await records()).toBe(before + 1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.filter((a) => a.headers['idempotency-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.statusCode !== 201).map((a) => [a.statusCode, a.json().code])).toEqual(
      answers.filter((a) => a.statusCode !== 201).map(() => [409, 'IDEMPOTENCY_KEY_IN_PROGRESS']),
    );
  });

  it("keeps keys per caller: the head's same key and body records a service of its own", async () => {
    const key = randomUUID();
    const before = await records();
    const mine = await h.record(customer, keyed(key, d1.employees[0]), visit);
    const theirs = await h.record(customer, keyed(key, d1.head), visit);
    expect([mine.statusCode, theirs.statusCode, theirs.headers['idempotency-replayed']]).toEqual([201, 201, undefined]);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(await records()).toBe(before + 2);
  });

  it('records as usual without a key', async () => {
    const before = await records();
    expect((await h.record(customer, d1.employees[0], visit)).statusCode).toBe(201);
    expect((await h.record(customer, d1.employees[0], visit)).statusCode).toBe(201);
    expect(await records()).toBe(before + 2);
  });
});
