import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, AccessTokenClaims } from '@crm/auth';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { SigningKeys } from './signing-keys';

/** Signs access tokens: the one place in the suite that can (every other service only holds public keys). */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  get ttlSeconds(): number {
    return this.options.accessTokenTtlSeconds;
  }

  async accessToken(claims: AccessTokenClaims, ttlSeconds = this.options.accessTokenTtlSeconds): Promise<string> {
    const { kid, key } = await this.keys.signingKey();
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: 'at+jwt' })
      .setSubject(sub)
      .setIssuer(this.options.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
  }
}
