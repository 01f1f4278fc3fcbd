import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ApiKeyStore } from './api-key.store';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { FieldCaller } from './field-caller';
import { RateLimiter } from './rate-limiter';
import { EmployeeAuthentication } from './sessions/employee-authentication';
import { EmployeeRecords } from './sessions/employee-records';
import { AccessTokenKeys } from './tokens/access-token-keys';
import { AccessTokenVerifier } from './tokens/access-token.verifier';
import { remoteKeySet } from './tokens/key-sets';
import { OidcOptions, OidcVerifier } from './tokens/oidc.verifier';

export interface AuthModuleOptions {
  production: boolean;
  /** The built-in issuer's name (`iss`). */
  issuer: string;
  /**
   * The issuer's JWKS URL. Left out by the issuer itself (customers), whose identity module provides
   * `AccessTokenKeys` globally from its own key store.
   */
  jwksUrl?: string;
  /** The company's own OpenID Connect provider, when configured. */
  oidc?: OidcOptions;
  redisPrefix: string;
  rateLimitPerMinute: number;
  /** Token of the provider that holds the service's Redis connection. */
  redisToken: symbol;
}

/** Installs the guard for every route and resolver of the service. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const keys: Provider[] = options.jwksUrl ? [{ provide: AccessTokenKeys, useValue: { getKey: remoteKeySet(options.jwksUrl) } }] : [];
    return {
      module: AuthModule,
      providers: [
        ...keys,
        {
          provide: EmployeeAuthentication,
          useFactory: (k: AccessTokenKeys, ds: DataSource) =>
            new EmployeeAuthentication(new AccessTokenVerifier({ keys: (...args) => k.getKey(...args), issuer: options.issuer }), new EmployeeRecords(ds), {
              production: options.production,
              ...(options.oidc ? { oidc: new OidcVerifier(options.oidc) } : {}),
            }),
          inject: [AccessTokenKeys, DataSource],
        },
        { provide: ApiKeyStore, useFactory: (ds: DataSource) => new ApiKeyStore(ds), inject: [DataSource] },
        {
          provide: RateLimiter,
          useFactory: (redis: Redis) => new RateLimiter(redis, options.redisPrefix, options.rateLimitPerMinute),
          inject: [options.redisToken],
        },
        Authenticator,
        FieldCaller,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [...keys, EmployeeAuthentication, ApiKeyStore, Authenticator, FieldCaller],
    };
  }
}
