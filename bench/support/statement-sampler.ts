import { Client } from 'pg';

/** Which of the import's statements a sampled query text is; the rest is "other". */
const KINDS: [label: string, pattern: RegExp][] = [
  ['outbox INSERT (2 events per row, unnest of 6 arrays)', /INSERT INTO "?customers"?\."?outbox"?/i],
  ['customers INSERT (unnest)', /INSERT INTO customers \(/i],
  ['customer_history INSERT (unnest)', /INSERT INTO customer_history/i],
  ['archive_batch_customers INSERT (unnest)', /INSERT INTO archive_batch_customers/i],
  ['relay claiming and marking outbox rows', /FROM "?customers"?\."?outbox"?|UPDATE "?customers"?\."?outbox"?|pg_try_advisory_xact_lock/i],
];
const IDLE = 'no statement running (Node: body parse, validation, building parameters; network; commit)';

export interface StatementShares {
  samples: number;
  /** Label → share of samples (0..1), largest first. */
  shares: [string, number][];
}

/**
 * A poor man's profile of where the customers service's time goes in PostgreSQL: every `intervalMs` it reads
 * the service's active statements from pg_stat_activity. pg_stat_statements would be exact but needs a
 * server restart to load; sampling needs nothing.
 */
export async function sampleStatements<T>(dbUrl: string, work: () => Promise<T>, intervalMs = 20): Promise<{ result: T; profile: StatementShares }> {
  const client = new Client({ connectionString: dbUrl, application_name: 'bench-sampler' });
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const { rows } = await client.query<{ query: string }>(
        "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'customers' AND state = 'active'",
      );
      samples++;
      const labels = rows.length ? rows.map((r) => KINDS.find(([, p]) => p.test(r.query))?.[0] ?? 'other statements') : [IDLE];
      for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  try {
    const result = await work();
    return { result, profile: { samples, shares: [...counts].map(([k, v]): [string, number] => [k, v / Math.max(samples, 1)]).sort((a, b) => b[1] - a[1]) } };
  } finally {
    running = false;
    await sampler.catch(() => undefined);
    await client.end();
  }
}
