import { DynamicModule, Global, Module } from '@nestjs/common';
import { AccessTokenKeys } from '@crm/auth';
import { IdentityController } from './identity.controller';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { IdentityRepository } from './identity.repository';
import { IdentityResolver } from './identity.resolver';
import { IdentityService } from './identity.service';
import { JwksController } from './jwks.controller';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SigningKeys } from './signing-keys';
import { SigningKeysRepository } from './signing-keys.repository';
import { TokenIssuer } from './token-issuer';

/**
 * The suite's token issuer: sign-in, sessions, passwords and signing keys. Global because the auth guard of
 * this service verifies tokens with these keys (AccessTokenKeys), as the other services do with the JWKS.
 */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [IdentityController, JwksController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        SigningKeysRepository,
        SigningKeys,
        { provide: AccessTokenKeys, useExisting: SigningKeys },
        TokenIssuer,
        PasswordHasher,
        LoginThrottle,
        IdentityRepository,
        IdentityService,
        IdentityResolver,
      ],
      exports: [AccessTokenKeys, SigningKeys, TokenIssuer, IdentityService],
    };
  }
}
