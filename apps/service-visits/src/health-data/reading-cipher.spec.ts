import { randomBytes } from 'node:crypto';
import { buildKeyring, parseKey } from './health-keys';
import { HealthKeyring, openReadings, ReadingsTamperedError, sealReadings } from './reading-cipher';

const key = () => randomBytes(32).toString('base64');
const ring = (k = key(), id = 'k1', previous?: string): HealthKeyring => {
  const r = buildKeyring({ id, key: k }, previous);
  if (Array.isArray(r)) throw new Error(r.join('; '));
  return r;
};
const readings = [{ systolic: 142, diastolic: 91, pulse: 72 }, { systolic: 128, diastolic: 84 }];
const AAD = 'service_record:r1:customer:c1';

describe('health readings at rest (V-1, P-1)', () => {
  it('opens what it sealed', () => {
    const keys = ring();
    const sealed = sealReadings(keys, readings, AAD);
    expect(sealed.keyId).toBe('k1');
    expect(openReadings(keys, sealed, AAD)).toEqual(readings);
  });

  it('never stores the values in the clear, and seals the same readings differently each time (fresh IV)', () => {
    const keys = ring();
    const a = sealReadings(keys, readings, AAD);
    const b = sealReadings(keys, readings, AAD);
    expect(a.sealed.equals(b.sealed)).toBe(false);
    for (const s of [a, b]) {
      expect(s.sealed.toString('latin1')).not.toContain('142');
      expect(s.sealed.toString('latin1')).not.toContain('systolic');
    }
  });

  it.each([0, 5, 12, 20, 27, 40])('refuses a seal with byte %i flipped (IV, tag or body)', (at) => {
    const keys = ring();
    const sealed = sealReadings(keys, readings, AAD);
    const bytes = Buffer.from(sealed.sealed);
    bytes[at % bytes.length] ^= 0x01;
    expect(() => openReadings(keys, { ...sealed, sealed: bytes }, AAD)).toThrow(ReadingsTamperedError);
  });

  it('refuses a seal moved to another record or customer', () => {
    const keys = ring();
    const sealed = sealReadings(keys, readings, AAD);
    expect(() => openReadings(keys, sealed, 'service_record:r2:customer:c1')).toThrow(ReadingsTamperedError);
    expect(() => openReadings(keys, sealed, 'service_record:r1:customer:c2')).toThrow(ReadingsTamperedError);
  });

  it('refuses a truncated seal and one under another key', () => {
    const keys = ring();
    const sealed = sealReadings(keys, readings, AAD);
    expect(() => openReadings(keys, { ...sealed, sealed: sealed.sealed.subarray(0, 20) }, AAD)).toThrow(ReadingsTamperedError);
    expect(() => openReadings(ring(), sealed, AAD)).toThrow(ReadingsTamperedError);
    expect(() => openReadings(keys, { ...sealed, keyId: 'k9' }, AAD)).toThrow(/no key k9/);
  });

  it('opens readings sealed before a rotation with the previous key, and seals new ones with the new key', () => {
    const oldKey = key();
    const before = ring(oldKey, 'k1');
    const sealedBefore = sealReadings(before, readings, AAD);
    const after = ring(key(), 'k2', `k1:${oldKey}`);
    expect(openReadings(after, sealedBefore, AAD)).toEqual(readings);
    const sealedAfter = sealReadings(after, readings, AAD);
    expect(sealedAfter.keyId).toBe('k2');
    expect(() => openReadings(before, sealedAfter, AAD)).toThrow(ReadingsTamperedError);
  });

  it('takes 32-byte base64 keys only, without repeating them in the message', () => {
    expect(parseKey(key())).toBeInstanceOf(Buffer);
    expect(parseKey(randomBytes(16).toString('base64'))).toMatch(/32 bytes.*got 16/);
    expect(parseKey('not base64!')).toBe('must be base64');
    const problems = buildKeyring({ id: 'bad id', key: 'short' }, 'k0:abc,nocolon');
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/HEALTH_DATA_KEY_ID/), expect.stringMatching(/^HEALTH_DATA_KEY /), expect.stringMatching(/entry 1 \(k0\)/), expect.stringMatching(/entry 2 must be id:base64/)]));
    expect(JSON.stringify(problems)).not.toContain('short');
    const k = key();
    expect(buildKeyring({ id: 'k1', key: k }, `k1:${key()}`)).toEqual([expect.stringMatching(/twice/)]);
  });
});
