import jwt from 'jsonwebtoken';
import { Role, TokenService } from '@crm/auth';
import { TEST_JWT_SECRET } from '@crm/testing';

function microsPerCall(fn: () => void, calls: number): number {
  for (let i = 0; i < calls / 4; i++) fn();
  const started = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return ((performance.now() - started) * 1000) / calls;
}

/**
 * What verifying one employee token costs in this process: the services' own TokenService (the secret as a
 * KeyObject, made once) against the same check given the secret as a string, as TokenService did before.
 * Given a string, jsonwebtoken first tries to read it as a PEM public key and only then as an HMAC secret, on
 * every call (auth0/node-jsonwebtoken#1046); that failed parse was the top function of the customers service's
 * profile.
 */
export function jwtVerifyCost(): { serviceMicros: number; stringSecretMicros: number } {
  const service = new TokenService(TEST_JWT_SECRET);
  const token = service.sign({ sub: '00000000-0000-4000-8000-000000000001', role: Role.EMPLOYEE, departmentId: null });
  const options: jwt.VerifyOptions = { algorithms: ['HS256'], issuer: 'crm-suite', audience: 'crm-suite' };
  return {
    serviceMicros: microsPerCall(() => service.verify(token), 2000),
    stringSecretMicros: microsPerCall(() => jwt.verify(token, TEST_JWT_SECRET, options), 2000),
  };
}
