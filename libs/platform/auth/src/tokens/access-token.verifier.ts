import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CommonErrors } from '@crm/errors';
import { isRole } from '../roles';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, VerifiedAccessToken } from './access-token';

export interface AccessTokenVerifierOptions {
  /** Where the issuer's public keys come from: `remoteKeySet(url)`, or the issuer's own store in customers. */
  keys: JWTVerifyGetKey;
  issuer: string;
}

/**
 * Checks an access token of the built-in issuer: signature by a published key (ES256 only, so `alg: none` and
 * algorithm confusion fail), issuer, audience, expiry, and the claims the suite needs. Whether the session
 * still stands is EmployeeSessions' question, asked after this.
 */
export class AccessTokenVerifier {
  constructor(private readonly options: AccessTokenVerifierOptions) {}

  get issuer(): string {
    return this.options.issuer;
  }

  async verify(token: string): Promise<VerifiedAccessToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.options.keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.options.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 5,
      }));
    } catch (e) {
      throw CommonErrors.UNAUTHENTICATED(e instanceof joseErrors.JWTExpired ? 'The access token has expired' : 'The access token is not valid');
    }
    const { sub, role, departmentId, sid, ver } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || !isRole(role)) throw CommonErrors.UNAUTHENTICATED('The access token lacks its subject or role');
    return {
      employeeId: sub,
      role,
      departmentId: typeof departmentId === 'string' ? departmentId : null,
      ...(typeof sid === 'string' ? { sessionId: sid } : {}),
      ...(Number.isInteger(ver) ? { sessionVersion: ver as number } : {}),
    };
  }
}
