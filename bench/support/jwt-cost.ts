import { createLocalJWKSet } from 'jose';
import { AccessTokenVerifier, DEFAULT_ISSUER, Role } from '@crm/auth';
import { bearer, TEST_SIGNING_KEY } from '@crm/testing';

async function microsPerCall(fn: () => Promise<unknown>, calls: number): Promise<number> {
  for (let i = 0; i < calls / 4; i++) await fn();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return ((performance.now() - started) * 1000) / calls;
}

/**
 * What verifying one employee access token costs in this process, as every service's guard does before the
 * session check: the ES256 signature check (a public key from the JWKS cache) the first time a token is seen,
 * and the lookup that answers the same token afterwards (AccessTokenVerifier remembers it up to a minute).
 */
export async function jwtVerifyCost(): Promise<{ checkMicros: number; rememberedMicros: number }> {
  const keys = createLocalJWKSet({ keys: [TEST_SIGNING_KEY.publicJwk] });
  const token = bearer(Role.EMPLOYEE).authorization.slice('Bearer '.length);
  const checking = new AccessTokenVerifier({ keys, issuer: DEFAULT_ISSUER, rememberMs: 0 });
  const remembering = new AccessTokenVerifier({ keys, issuer: DEFAULT_ISSUER });
  return {
    checkMicros: await microsPerCall(() => checking.verify(token), 2000),
    rememberedMicros: await microsPerCall(() => remembering.verify(token), 2000),
  };
}
