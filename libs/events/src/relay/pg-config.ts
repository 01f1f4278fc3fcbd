import type { ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';

interface PostgresConnectionFields {
  url?: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string | (() => string) | (() => Promise<string>);
  database?: string;
  ssl?: ClientConfig['ssl'];
  applicationName?: string;
}

/**
 * Connection settings for a dedicated `pg` client, taken from the service's DataSource so the relay needs no
 * configuration of its own. LISTEN needs a session of its own: a pooled connection would be handed to other
 * queries and lose it.
 */
export function pgClientConfig(options: DataSourceOptions, purpose: string): ClientConfig {
  const o = options as PostgresConnectionFields;
  const config: ClientConfig = {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: o.password,
    database: o.database,
    ssl: o.ssl,
    application_name: `${o.applicationName ?? 'crm'}:${purpose}`,
    // A half-open TCP connection would otherwise leave the relay deaf until the poll notices.
    keepAlive: true,
    connectionTimeoutMillis: 5000,
  };
  for (const key of Object.keys(config) as (keyof ClientConfig)[]) {
    if (config[key] === undefined) delete config[key];
  }
  return config;
}
