import { Role } from '@crm/auth';
import { signedIn } from './tokens';
import { Client } from 'pg';
import { StatementCount, StatementLog } from './statement-log';

/** One run of a service's sweep, as its caller and the database saw it. */
export interface ServiceSweep {
  ms: number;
  /** The sweep's answer (`result` of POST /api/v1/admin/sweeps/{name}). */
  result: Record<string, unknown>;
  statements: StatementCount;
}

/**
 * Runs a sweep now through `POST /api/v1/admin/sweeps/{name}` on the service's own port (the gateway routes
 * no admin sweeps), as an administrator, timed from the request sent to the answer; the statements are those
 * the service's process sent meanwhile (its relay's too, if it woke up inside the window).
 */
export async function runSweep(serviceUrl: string, name: string, log: StatementLog): Promise<ServiceSweep> {
  const from = Date.now();
  const started = performance.now();
  const res = await fetch(`${serviceUrl}/api/v1/admin/sweeps/${name}`, { method: 'POST', headers: signedIn(Role.ADMIN) });
  const text = await res.text();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`POST /api/v1/admin/sweeps/${name} answered ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { status: string; result?: Record<string, unknown> };
  if (body.status !== 'completed' || !body.result) throw new Error(`sweep ${name} did not complete: ${text.slice(0, 300)}`);
  // The preload appends before each statement is sent: the last one is in the file before the answer leaves.
  return { ms, result: body.result, statements: log.between(serviceUrl, from, Date.now()) };
}

/**
 * Waits until the service's relay has published every outbox row: a relay still publishing the last run's
 * events would share the cores with the next run, on either side.
 */
export async function outboxDrained(client: Client, schema: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
    if (rows[0].n === 0) return;
    if (performance.now() > deadline) throw new Error(`${schema}: ${rows[0].n} outbox rows still unpublished after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Outbox rows by event name, to tell the events a run wrote. */
export async function outboxCounts(client: Client, table: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM ${table} GROUP BY name`);
  return new Map(rows.map((r) => [r.name, r.n]));
}

export const added = (before: Map<string, number>, after: Map<string, number>, name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
