import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigOf, Environment, platformConfigSchema } from '@crm/config';
import { dataSourceOptions, ServiceDatabase, TransactionsModule } from '@crm/database';
import { IdempotencyModule, PlatformModule, subgraphModule } from '@crm/http';
import { EventsModule, SweepsAdminModule, type ServiceName } from '@crm/events';
import { ReadModel, ReadModelsModule } from './read-models.module';

/** What the foundation reads of a service's validated environment (platformConfigSchema and the pool size). */
export type FoundationConfig = ConfigOf<typeof platformConfigSchema> & { NODE_ENV: Environment; DATABASE_POOL_SIZE: number; AUTH_JWKS_URL?: string };

/**
 * The modules every service's AppModule imports before its own capabilities: its database (TypeORM on its own
 * schema), the platform (clock, auth, logging, errors, Redis), the Idempotency-Key of every REST POST, its
 * events (outbox, relay, consumer, sweeps), its GraphQL subgraph (writing apps/<service>/schema.graphql
 * outside production), the sweeps' admin endpoint and the read models it keeps of customers' data (none in customers, which owns the originals). One list, so
 * a service cannot miss a piece or wire it differently.
 */
export function serviceFoundation(service: ServiceName, database: ServiceDatabase, config: FoundationConfig, readModels: readonly ReadModel[] = []): (DynamicModule | Type)[] {
  const production = config.NODE_ENV === 'production';
  return [
    TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, database, { poolSize: config.DATABASE_POOL_SIZE, applicationName: service })),
    TransactionsModule,
    PlatformModule.forService({
      production,
      redisUrl: config.REDIS_URL,
      redisPrefix: config.REDIS_PREFIX,
      issuer: config.AUTH_ISSUER,
      ...(config.AUTH_JWKS_URL ? { jwksUrl: config.AUTH_JWKS_URL } : {}),
      ...(config.OIDC_ISSUER ? { oidc: { issuer: config.OIDC_ISSUER, audience: config.OIDC_AUDIENCE, employeeClaim: config.OIDC_EMPLOYEE_CLAIM } } : {}),
      rateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
    }),
    // The Idempotency-Key of every REST POST; the service lists IDEMPOTENCY_ENTITIES and migrates the table.
    IdempotencyModule,
    EventsModule.forService({ service, redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX, tz: config.BUSINESS_TZ, logLevel: config.LOG_LEVEL }),
    subgraphModule({ production, schemaFile: `apps/${service}/schema.graphql` }),
    SweepsAdminModule.forService({ production, enabledInProduction: config.ADMIN_SWEEPS_ENABLED }),
    ...(readModels.length ? [ReadModelsModule.forService(readModels)] : []),
  ];
}
