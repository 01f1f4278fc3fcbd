import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ApiKeyStore } from './api-key.store';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { FieldCaller } from './field-caller';
import { RateLimiter } from './rate-limiter';
import { TokenService } from './token.service';

export interface AuthModuleOptions {
  jwtSecret: string;
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
    return {
      module: AuthModule,
      providers: [
        { provide: TokenService, useValue: new TokenService(options.jwtSecret) },
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
      exports: [TokenService, ApiKeyStore, Authenticator, FieldCaller],
    };
  }
}
