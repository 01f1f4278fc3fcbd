import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A 256-bit key and the id stored beside every ciphertext it made, so keys can rotate (V-1, P-1). */
export interface HealthKey {
  id: string;
  key: Buffer;
}

/** The key new readings are sealed with, and every key older readings may still be sealed with. */
export interface HealthKeyring {
  current: HealthKey;
  byId: ReadonlyMap<string, HealthKey>;
}

/** What is stored: the key's id, and IV ‖ tag ‖ ciphertext. */
export interface SealedReadings {
  keyId: string;
  sealed: Buffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class ReadingsTamperedError extends Error {
  constructor(reason: string) {
    super(`Health readings cannot be opened: ${reason}`);
    this.name = 'ReadingsTamperedError';
  }
}

/**
 * AES-256-GCM with a fresh random IV per seal. The associated data names the record the readings belong to,
 * so a ciphertext copied onto another record (or customer) fails authentication instead of showing one
 * customer's readings as another's.
 */
export function sealReadings(keyring: HealthKeyring, plaintext: unknown, associated: string): SealedReadings {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(plaintext), 'utf8'), cipher.final()]);
  return { keyId: id, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

/** Opens what sealReadings made; any change to the bytes, the key id or the associated data is refused. */
export function openReadings<T = unknown>(keyring: HealthKeyring, stored: SealedReadings, associated: string): T {
  const key = keyring.byId.get(stored.keyId);
  if (!key) throw new ReadingsTamperedError(`no key ${stored.keyId} is configured`);
  if (stored.sealed.length < IV_BYTES + TAG_BYTES) throw new ReadingsTamperedError('too short');
  const iv = stored.sealed.subarray(0, IV_BYTES);
  const tag = stored.sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = stored.sealed.subarray(IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(tag);
  let text: string;
  try {
    text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new ReadingsTamperedError('authentication failed');
  }
  return JSON.parse(text) as T;
}
