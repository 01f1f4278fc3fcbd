import { errors as joseErrors, jwtVerify, type JWTHeaderParameters, type JWTPayload, type JWTVerifyGetKey } from 'jose';
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
 * What a provider's keys sign besides access tokens must not pass for one. The header `typ` of an access token is
 * `at+jwt` (RFC 9068: oidc-provider, Auth0), `JWT` or none (Keycloak, Entra ID); a logout token (`logout+jwt`),
 * an introspection answer (`token-introspection+jwt`) and the like are refused. Keycloak also names the kind in
 * the claim `typ` (`Bearer` for access tokens; `ID`, `Refresh`, `Logout`), Amazon Cognito in `token_use`
 * (`access`; `id`). An ID token with neither, whose audience is a client named as the API's audience, still
 * passes: docs/identity-oidc.md says to give the API an audience of its own.
 */
const ACCESS_TOKEN_TYPES = new Set(['jwt', 'at+jwt']);

/** Errors of fetching the provider's keys (no answer, not 200, not a JWKS), as opposed to a token that fails. */
const UNREACHABLE_CODES = new Set([joseErrors.JWKSTimeout.code, joseErrors.JOSEError.code, joseErrors.JWKSInvalid.code]);
const keysUnreachable = (e: unknown) => !(e instanceof joseErrors.JOSEError) || UNREACHABLE_CODES.has(e.code);

function isAccessToken(header: JWTHeaderParameters, payload: JWTPayload): boolean {
  const typ = header.typ?.toLowerCase().replace(/^application\//, '');
  if (typ !== undefined && !ACCESS_TOKEN_TYPES.has(typ)) return false;
  const kind = (claim: unknown, accessValue: string) => claim === undefined || (typeof claim === 'string' && claim.toLowerCase() === accessValue);
  return kind(payload.typ, 'bearer') && kind(payload.token_use, 'access');
}

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
    let verified: { payload: JWTPayload; protectedHeader: JWTHeaderParameters };
    try {
      // `exp` is required: a token that never expires is no access token, whoever signed it.
      verified = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp'],
        clockTolerance: 5,
      });
    } catch (e) {
      // The keys could not be fetched (the provider is down, or answers nonsense): say so, rather than call a
      // token that may be good invalid, which would make a client sign its user out.
      if (keysUnreachable(e)) throw CommonErrors.SERVICE_UNAVAILABLE(`The identity provider's keys could not be fetched: ${(e as Error)?.message ?? String(e)}`);
      throw CommonErrors.UNAUTHENTICATED(e instanceof joseErrors.JWTExpired ? 'The access token has expired' : 'The access token is not valid');
    }
    if (!isAccessToken(verified.protectedHeader, verified.payload)) throw CommonErrors.UNAUTHENTICATED('The token is not an access token');
    const claim = verified.payload[this.options.employeeClaim];
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
