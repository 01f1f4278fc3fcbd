import type { JWTVerifyGetKey } from 'jose';
import { AccessTokenVerifier, remoteKeySet } from '@crm/auth';

/**
 * Which employee a bearer token belongs to, for the per-employee rate limit: the token is verified like the
 * services do (the issuer's public keys from customers' JWKS, ES256, issuer, audience, expiry), so a made-up
 * token cannot spend another employee's quota or dodge the address limit by naming many employees.
 *
 * This is no authorisation (each service authenticates every call itself). The verifier remembers a verified
 * token (up to a minute, never past its expiry), so a caller's next requests cost a map lookup, not a signature check.
 */
export class EmployeeTokens {
  private readonly verifier: AccessTokenVerifier;

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
    try {
      return (await this.verifier.verify(token)).employeeId;
    } catch {
      return undefined;
    }
  }
}
