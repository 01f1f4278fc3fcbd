import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { CommonErrors } from '@crm/errors';
import { remoteKeySet } from './key-sets';

export interface OidcOptions {
  /** The provider's issuer URL (`iss`), e.g. https://sso.example.com/realms/crm. */
  issuer: string;
  /** The audience the provider puts in tokens meant for this API (`aud`). */
  audience: string;
  /** The claim whose value is the employee's login in the suite (e.g. `preferred_username`, `email`). */
  employeeClaim: string;
}

/** Asymmetric algorithms only: an OpenID provider's tokens are never checked against a shared secret. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Tokens of the company's own OpenID Connect provider (Keycloak, Entra ID, …): keys from the JWKS its discovery
 * document names, fetched once and cached like the built-in issuer's. Answers the login the configured claim
 * holds; the employee behind it, and whether they may still sign in, is the suite's record (EmployeeRecords).
 */
export class OidcVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(readonly options: OidcOptions) {}

  async loginOf(token: string): Promise<string> {
    const keys = await this.keySet();
    let claim: unknown;
    try {
      const { payload } = await jwtVerify(token, keys, { algorithms: ALGORITHMS, issuer: this.options.issuer, audience: this.options.audience, clockTolerance: 5 });
      claim = payload[this.options.employeeClaim];
    } catch {
      throw CommonErrors.UNAUTHENTICATED('The access token is not valid');
    }
    if (typeof claim !== 'string' || claim === '') throw CommonErrors.UNAUTHENTICATED(`The access token lacks the claim ${this.options.employeeClaim}`);
    return claim;
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined; // try again on the next call: the provider may just be starting
      throw CommonErrors.SERVICE_UNAVAILABLE(`The identity provider could not be reached: ${(error as Error).message}`);
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = `${this.options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const document = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 1.0 §4.3: the document must name the issuer it was fetched for.
    if (document.issuer !== this.options.issuer) throw new Error(`${url} names the issuer ${String(document.issuer)}`);
    if (typeof document.jwks_uri !== 'string') throw new Error(`${url} names no jwks_uri`);
    return remoteKeySet(document.jwks_uri);
  }
}
