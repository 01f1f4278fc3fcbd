import { decodeJwt, type JWTVerifyGetKey } from 'jose';
import { AccessTokenVerifier, remoteKeySet } from '@crm/auth';

/** How many verified tokens are remembered; the oldest is forgotten first. */
const CACHE_SIZE = 10_000;

interface Remembered {
  employeeId: string;
  expiresAtMs: number;
}

/**
 * Which employee a bearer token belongs to, for the per-employee rate limit: the token is verified like the
 * services do (the issuer's public keys from customers' JWKS, ES256, issuer, audience, expiry), so a made-up
 * token cannot spend another employee's quota or dodge the address limit by naming many employees.
 *
 * This is no authorisation (each service authenticates every call itself): a verified token is remembered
 * until it expires, so a caller's second request costs a map lookup rather than a signature check.
 */
export class EmployeeTokens {
  private readonly verifier: AccessTokenVerifier;
  private readonly cache = new Map<string, Remembered>();

  constructor(options: { keys: JWTVerifyGetKey; issuer: string }) {
    this.verifier = new AccessTokenVerifier({ keys: options.keys, issuer: options.issuer });
  }

  /** Verifies with the keys published at `${CUSTOMERS_URL}/.well-known/jwks.json`, fetched and cached by @crm/auth. */
  static fromJwks(url: string, issuer: string): EmployeeTokens {
    return new EmployeeTokens({ keys: remoteKeySet(url), issuer });
  }

  /** The employee id of a valid token; undefined for anything else (no token, a bad one, an unreachable JWKS). */
  async employeeOf(authorization: string | string[] | undefined): Promise<string | undefined> {
    if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return undefined;
    const token = authorization.slice('Bearer '.length).trim();
    if (token === '') return undefined;
    // Real time on purpose: a token's expiry is a security fact, not business time (the suite's clock may be moved).
    // eslint-disable-next-line no-restricted-syntax
    const now = Date.now();
    const known = this.cache.get(token);
    if (known && known.expiresAtMs > now) return known.employeeId;
    if (known) this.cache.delete(token);
    let employeeId: string;
    try {
      ({ employeeId } = await this.verifier.verify(token));
    } catch {
      return undefined;
    }
    const exp = decodeJwt(token).exp;
    if (typeof exp === 'number') this.remember(token, { employeeId, expiresAtMs: exp * 1000 });
    return employeeId;
  }

  private remember(token: string, entry: Remembered): void {
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(token, entry);
  }
}
