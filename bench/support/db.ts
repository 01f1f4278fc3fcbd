import { Client } from 'pg';

/** A short-lived connection to the suite's database for checks and the COPY baseline. */
export async function withDatabase<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function countRows(url: string, table: string): Promise<number> {
  return withDatabase(url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
}
