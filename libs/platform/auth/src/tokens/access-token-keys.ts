import type { JWTVerifyGetKey } from 'jose';

/**
 * Where a service finds the issuer's public keys. Every service but customers reads the JWKS over HTTP
 * (`AUTH_JWKS_URL`); customers, the issuer, provides its own store of keys as a global provider of this class.
 */
export abstract class AccessTokenKeys {
  abstract readonly getKey: JWTVerifyGetKey;
}
