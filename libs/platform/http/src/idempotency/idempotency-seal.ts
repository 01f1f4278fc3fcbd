import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalJson } from './idempotency-key';

/**
 * What the database keeps of a key and its answer. An answer may carry personal data (a customer's phone, a
 * service's health readings, P-1), so it is sealed (AES-256-GCM) with a secret derived from the Idempotency-Key
 * itself (HKDF-SHA256, salted with the caller, method and path): the database holds the key's SHA-256, never the
 * key, and only a caller sending the same key again can open the answer. The body's hash is an HMAC-SHA256 under
 * the same secret, so a small body (a few readings) cannot be guessed back from it.
 */
export interface KeyMaterial {
  /** SHA-256 (hex) of the key: what the row is found by. */
  keyHash: string;
  secret: Buffer;
}

const INFO = 'crm idempotency-key answer v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keyMaterialOf(scope: { caller: string; method: string; path: string; key: string }): KeyMaterial {
  return {
    keyHash: createHash('sha256').update(scope.key, 'utf8').digest('hex'),
    secret: Buffer.from(hkdfSync('sha256', Buffer.from(scope.key, 'utf8'), `${scope.caller} ${scope.method} ${scope.path}`, INFO, 32)),
  };
}

/** HMAC-SHA256 (hex) of the body's canonical JSON: tells a retry (same) from a reuse of the key (other). */
export function requestHashOf(body: unknown, secret: Buffer): string {
  return createHmac('sha256', secret).update(canonicalJson(body)).digest('hex');
}

/** base64 of iv ‖ tag ‖ ciphertext. */
export function sealAnswer(body: string, secret: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  const sealed = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

/** The answer as first sent; throws when the seal was altered. */
export function openAnswer(stored: string, secret: Buffer): string {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
