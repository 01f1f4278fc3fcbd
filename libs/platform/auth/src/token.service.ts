import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CommonErrors } from '@crm/errors';
import { EmployeePrincipal } from './principal';
import { isRole, Role } from './roles';

const ISSUER = 'crm-suite';
const AUDIENCE = 'crm-suite';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  departmentId: string | null;
}

/**
 * Employee access tokens: HS256 JWTs with `sub`, `role` and `departmentId` (docs/api/frontend.md "Calling it"). Every
 * service verifies them itself; only the algorithm named here is accepted, so an `alg: none` or an RS/HS
 * confusion token fails.
 *
 * The secret is turned into a secret `KeyObject` once. Given a string, jsonwebtoken 9 first tries to read it
 * as a PEM key (`createPublicKey`/`createPrivateKey`), which throws, and only then makes an HMAC key, on every
 * call: some 360 µs per verify against 14 µs (bench/README.md). A secret KeyObject is also never taken for a
 * public key, so an RS* token cannot be checked against it.
 */
export class TokenService {
  private readonly key: KeyObject;

  constructor(secret: string) {
    // jsonwebtoken refuses an empty string secret; an empty KeyObject it would accept, so refuse it here.
    if (!secret) throw new Error('TokenService needs a non-empty secret');
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(claims: AccessTokenClaims, ttlSeconds = 8 * 3600): string {
    return jwt.sign({ role: claims.role, departmentId: claims.departmentId }, this.key, {
      algorithm: 'HS256',
      subject: claims.sub,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: ttlSeconds,
    });
  }

  verify(token: string): EmployeePrincipal {
    let payload: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof decoded === 'string') throw new Error('unexpected payload');
      payload = decoded;
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw CommonErrors.UNAUTHENTICATED(expired ? 'The access token has expired' : 'The access token is not valid');
    }
    if (typeof payload.sub !== 'string' || !isRole(payload.role)) {
      throw CommonErrors.UNAUTHENTICATED('The access token lacks its subject or role');
    }
    const departmentId = typeof payload.departmentId === 'string' ? payload.departmentId : null;
    return { kind: 'employee', employeeId: payload.sub, role: payload.role, departmentId };
  }
}
