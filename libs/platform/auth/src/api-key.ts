import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Partner API keys look like `crm_<key id without dashes>_<secret>`. The id finds the record by primary key,
 * the secret (32 random bytes) is compared by hash in constant time. A fast hash suits here: the secret is
 * random and long, so there is nothing for a slow password hash to protect against.
 */
const PREFIX = 'crm';

export interface IssuedApiKey {
  id: string;
  key: string;
  hash: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function issueApiKey(): IssuedApiKey {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `${PREFIX}_${id.replace(/-/g, '')}_${secret}`, hash: hashSecret(secret) };
}

export function parseApiKey(key: string): { id: string; secret: string } | null {
  const m = /^crm_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(key);
  if (!m) return null;
  const h = m[1];
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { id, secret: m[2] };
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
