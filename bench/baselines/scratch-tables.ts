import { Client } from 'pg';

/**
 * Scratch copies of a service's tables for a baseline, keyed alike: `(LIKE … INCLUDING ALL)` keeps columns,
 * defaults, checks, primary keys and (unique) indexes, so the baseline pays for the same indexes and
 * constraints as the service; it drops foreign keys and triggers. Recreated if a failed run left them behind.
 */
export async function createScratch<K extends string>(client: Client, scratch: Record<K, string>, originals: Record<K, string>): Promise<void> {
  for (const key of Object.keys(scratch) as K[]) {
    await client.query(`DROP TABLE IF EXISTS ${scratch[key]}`);
    await client.query(`CREATE TABLE ${scratch[key]} (LIKE ${originals[key]} INCLUDING ALL)`);
  }
}

export async function dropScratch(client: Client, scratch: Record<string, string>): Promise<void> {
  for (const table of Object.values(scratch)) await client.query(`DROP TABLE IF EXISTS ${table}`);
}
