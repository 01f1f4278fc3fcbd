import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * The public keys of an issuer, fetched from its JWKS and cached: a token with a key id the cache lacks makes
 * one refetch (at most one per `cooldownMs`), so a rotated key is picked up without a restart. The issuer
 * publishes a new key before it signs with it (docs/identity.md "Rotating keys"), so the cooldown never
 * refuses a good token.
 */
export function remoteKeySet(url: string, options: { cooldownMs?: number; cacheMaxAgeMs?: number } = {}): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 5_000,
    // A minute: a key withdrawn in an emergency rotation stops being trusted within it.
    cacheMaxAge: options.cacheMaxAgeMs ?? 60_000,
    timeoutDuration: 5_000,
  });
}
