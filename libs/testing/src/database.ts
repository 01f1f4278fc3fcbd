import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
export { scratchRedisPrefix, testRedisUrl } from './redis-keys';

/** The server the tests use: the local PostgreSQL unless TEST_DATABASE_URL names another. */
export function testServerUrl(database = 'postgres'): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
};

export async function databaseExists(name: string): Promise<boolean> {
  return withAdmin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdmin((c) => c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /** One statement on this database (a connection of its own, closed after). */
  query(sql: string, params?: unknown[]): Promise<void>;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: empty, or cloned from a migrated template so migrations run once
 * per test run rather than once per file (architecture.md "Tests").
 */
export async function scratchDatabase(template?: string): Promise<ScratchDatabase> {
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(name, template);
  const url = testServerUrl(name);
  const query = async (sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  return { name, url, query, drop: () => dropDatabase(name) };
}
