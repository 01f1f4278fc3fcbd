import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigOf, Environment, platformConfigSchema } from '@crm/config';
import { dataSourceOptions, ServiceDatabase } from '@crm/database';
import { PlatformModule, subgraphModule } from '@crm/http';
import type { ServiceName } from './catalogue';
import { EventsModule } from './events.module';
import { SweepsAdminModule } from './sweeps/sweeps-admin.module';

/** What the foundation reads of a service's validated environment (platformConfigSchema and the pool size). */
export type FoundationConfig = ConfigOf<typeof platformConfigSchema> & { NODE_ENV: Environment; DATABASE_POOL_SIZE: number };

/**
 * The modules every service's AppModule imports before its own capabilities: its database (TypeORM on its own
 * schema), the platform (clock, auth, logging, errors, Redis), its events (outbox, relay, consumer, sweeps),
 * its GraphQL subgraph (writing apps/<service>/schema.graphql outside production) and the sweeps' admin
 * endpoint. One list, so a service cannot miss a piece or wire it differently.
 */
export function serviceFoundation(service: ServiceName, database: ServiceDatabase, config: FoundationConfig): (DynamicModule | Type)[] {
  const production = config.NODE_ENV === 'production';
  return [
    TypeOrmModule.forRoot(dataSourceOptions(config.DATABASE_URL, database, { poolSize: config.DATABASE_POOL_SIZE, applicationName: service })),
    PlatformModule.forService({
      production,
      redisUrl: config.REDIS_URL,
      redisPrefix: config.REDIS_PREFIX,
      jwtSecret: config.JWT_SECRET,
      rateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
    }),
    EventsModule.forService({ service, redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX, tz: config.BUSINESS_TZ, logLevel: config.LOG_LEVEL }),
    subgraphModule({ production, schemaFile: `apps/${service}/schema.graphql` }),
    SweepsAdminModule,
  ];
}
