import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { realNowMs } from '@crm/clock';
import { CommonErrors } from '@crm/errors';
import { isRole } from '../roles';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, VerifiedAccessToken } from './access-token';

export interface AccessTokenVerifierOptions {
  /** Where the issuer's public keys come from: `remoteKeySet(url)`, or the issuer's own store in customers. */
  keys: JWTVerifyGetKey;
  issuer: string;
  /** How long a verified token is remembered (never past its expiry); as long as a fetched key set is trusted. */
  rememberMs?: number;
  /** The most tokens remembered at once. */
  maxRemembered?: number;
}


/**
 * Checks an access token of the built-in issuer: signature by a published key (ES256 only, so `alg: none` and
 * algorithm confusion fail), issuer, audience, expiry, and the claims the suite needs. Whether the session
 * still stands is EmployeeSessions' question, asked after this.
 */
export class AccessTokenVerifier {
  /**
   * Tokens already verified, by their exact text: a client sends the same token for its whole lifetime, and an
   * ES256 check costs some 350 µs of CPU (bench/README.md), more than the rest of a simple read. A hit is the same
   * bytes that were verified, so it proves what the check proved; it is kept at most a minute (a key withdrawn
   * in an emergency rotation stops counting within it, as the key set's cache does) and never past `exp`.
   */
  private readonly remembered = new Map<string, { claims: VerifiedAccessToken; untilMs: number }>();

  constructor(private readonly options: AccessTokenVerifierOptions) {}

  get issuer(): string {
    return this.options.issuer;
  }

  async verify(token: string): Promise<VerifiedAccessToken> {
    const now = realNowMs();
    const hit = this.remembered.get(token);
    if (hit && hit.untilMs > now) return hit.claims;
    if (hit) this.remembered.delete(token);
    const { claims, expiresAtMs } = await this.check(token);
    // The oldest is forgotten first (a Map keeps insertion order).
    if (this.remembered.size >= (this.options.maxRemembered ?? 10_000)) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(token, { claims, untilMs: Math.min(expiresAtMs, now + (this.options.rememberMs ?? 60_000)) });
    return claims;
  }

  private async check(token: string): Promise<{ claims: VerifiedAccessToken; expiresAtMs: number }> {
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
    const claims: VerifiedAccessToken = {
      employeeId: sub,
      role,
      departmentId: typeof departmentId === 'string' ? departmentId : null,
      ...(typeof sid === 'string' ? { sessionId: sid } : {}),
      ...(Number.isInteger(ver) ? { sessionVersion: ver as number } : {}),
    };
    // `exp` is required above; the remembered token stops counting then, tolerance included.
    return { claims, expiresAtMs: (payload.exp as number) * 1000 };
  }
}
