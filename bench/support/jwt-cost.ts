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
 * What verifying one employee access token (ES256, a public key from the JWKS cache) costs in this process, as
 * every service's guard does on every request before the session check.
 */
export async function jwtVerifyCost(): Promise<{ serviceMicros: number }> {
  const verifier = new AccessTokenVerifier({ keys: createLocalJWKSet({ keys: [TEST_SIGNING_KEY.publicJwk] }), issuer: DEFAULT_ISSUER });
  const token = bearer(Role.EMPLOYEE).authorization.slice('Bearer '.length);
  return { serviceMicros: await microsPerCall(() => verifier.verify(token), 2000) };
}
