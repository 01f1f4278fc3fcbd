import { DynamicModule, Global, Module, OnApplicationShutdown, Inject, Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type Redis from 'ioredis';
import { AuthModule, OidcOptions } from '@crm/auth';
import { ClockModule } from '@crm/clock';
import { createRedis, REDIS } from '@crm/database';
import { ProblemDetailsFilter } from '@crm/errors';
import { ClockAdminController } from './clock-admin.controller';
import { HealthController } from './health.controller';
import { ServiceSurface } from './production-surface';

export interface PlatformOptions {
  production: boolean;
  redisUrl: string;
  redisPrefix: string;
  issuer: string;
  /** Absent in customers, which issues the tokens and provides its own keys. */
  jwksUrl?: string;
  oidc?: OidcOptions;
  rateLimitPerMinute: number;
}

@Global()
@Module({})
class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(url: string): DynamicModule {
    const provider: Provider = { provide: REDIS, useFactory: () => createRedis(url) };
    return { module: RedisModule, providers: [provider], exports: [provider] };
  }

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}

/**
 * What every service shares: Redis, the clock, authentication, the problem-details filter, /health, and the
 * clock admin endpoint. A service's AppModule imports this once with its validated config.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        RedisModule.forRoot(options.redisUrl),
        ClockModule.forRoot({ movable: !options.production, redisUrl: options.redisUrl, redisPrefix: options.redisPrefix }),
        AuthModule.forRoot({
          production: options.production,
          issuer: options.issuer,
          ...(options.jwksUrl ? { jwksUrl: options.jwksUrl } : {}),
          ...(options.oidc ? { oidc: options.oidc } : {}),
          redisPrefix: options.redisPrefix,
          rateLimitPerMinute: options.rateLimitPerMinute,
          redisToken: REDIS,
        }),
      ],
      controllers: [HealthController, ...(options.production ? [] : [ClockAdminController])],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // Read by the bootstrap: in production the docs and the subgraph SDL are not public (production-surface.ts).
        { provide: ServiceSurface, useValue: new ServiceSurface(options.production) },
      ],
      exports: [ServiceSurface],
    };
  }
}
