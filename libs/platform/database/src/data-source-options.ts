import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

export interface ServiceDatabase {
  /** The service's own PostgreSQL schema: services never read each other's tables. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * One way to open a service's database: its schema first on the search path, migrations never run by
 * `synchronize`, snake_case names, a bounded pool.
 */
export function dataSourceOptions(url: string, db: ServiceDatabase, opts: { poolSize?: number; applicationName?: string; poolWaitMs?: number } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: opts.applicationName ?? db.schema,
    extra: {
      max: opts.poolSize ?? 10,
      // A request that cannot get a connection fails (503) instead of waiting for ever: a leak or a
      // deadlock inside the process then shows as errors, not as a service that stops answering.
      connectionTimeoutMillis: opts.poolWaitMs ?? 10_000,
      // Unqualified names in migrations and raw SQL resolve to the service's own schema.
      options: `-c search_path=${db.schema},public`,
    },
  };
}
