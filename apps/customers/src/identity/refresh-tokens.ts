import { createHash, randomBytes } from 'node:crypto';

/**
 * A refresh token is 32 random bytes (base64url), shown to the client once; the database keeps its SHA-256 only,
 * so a copy of the database signs nobody in. A fast hash is enough: the token has 256 bits of entropy, nothing
 * to guess.
 */
export function newRefreshToken(): { value: string; hash: Buffer } {
  const value = randomBytes(32).toString('base64url');
  return { value, hash: hashOfRefreshToken(value) };
}

export function hashOfRefreshToken(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
