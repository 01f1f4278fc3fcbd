import { randomUUID } from 'node:crypto';
import { testRedisUrl } from '@crm/testing';
import { copyInto, copyText, createScratchCopy, CustomerRow } from './baselines/pg-copy-import';
import { BenchContext } from './support/bench-context';
import { Comparison } from './support/comparison';
import { countRows, withDatabase } from './support/db';
import { recordOutreachEvent } from './support/outreach-event';
import { sampleStatements } from './support/statement-sampler';
import { person } from './support/people';

const SCRATCH_TABLE = 'customers.bench_copy_customers';
const WARMUP_ROWS = 1000;

interface BatchReport {
  accepted: number;
  duplicates: unknown[];
  invalid: unknown[];
}

/** Archive records as a clerk's sheet holds them: phones with spaces, gender in Chinese (O-2 normalises both). */
function archiveRecords(prefix: string, from: number, count: number) {
  return Array.from({ length: count }, (_, k) => {
    const p = person(prefix, from + k);
    return { name: p.name, phone: p.written, gender: p.genderWritten, birthDate: p.birthDate, address: p.address };
  });
}

/** The same people as the service stores them, for the COPY baseline. */
function storedRows(prefix: string, count: number, owner: { ownerId: string; departmentId: string }): CustomerRow[] {
  const at = new Date();
  return Array.from({ length: count }, (_, i) => {
    const p = person(prefix, i);
    return { id: randomUUID(), name: p.name, phone: p.e164, gender: p.gender, birthDate: p.birthDate, address: p.address, ...owner, at };
  });
}

async function submit(serviceUrl: string, headers: Record<string, string>, body: string): Promise<{ ms: number; report: BatchReport }> {
  const started = performance.now();
  const res = await fetch(`${serviceUrl}/api/v1/archive-batches`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST /api/v1/archive-batches answered ${res.status}: ${text.slice(0, 500)}`);
  return { ms, report: JSON.parse(text) as BatchReport };
}

/** Waits until the relay has published every outbox row, so a measurement starts from a quiet service. */
async function outboxDrained(dbUrl: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while ((await countRows(dbUrl, 'customers.outbox WHERE published_at IS NULL')) > 0) {
    if (performance.now() > deadline) throw new Error(`the outbox was not drained within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * 3. Archive import (`POST /api/v1/archive-batches`, JSON) of `importRows` rows, in batches of the most the
 * service accepts (50,000), one after the other as a clerk would enter them, against COPY of the same rows
 * into a scratch copy of customers.customers. Rows/s from the client's side: request sent to report received.
 */
export async function archiveImportBench(ctx: BenchContext): Promise<Comparison> {
  const { suite, company, settings } = ctx;
  const serviceUrl = suite.serviceUrls.customers;
  const owner = { ownerId: company.headId, departmentId: company.departmentId };

  // COPY first: the service's import leaves a relay backlog (two events per new customer) that would compete
  // with anything measured after it.
  const copyRows = storedRows('139', settings.importRows, owner);
  const copyChunks = copyText(copyRows);
  const copyMs = await withDatabase(suite.db.url, async (client) => {
    await createScratchCopy(client, SCRATCH_TABLE);
    try {
      await copyInto(client, SCRATCH_TABLE, copyText(storedRows('137', WARMUP_ROWS, owner)));
      await client.query(`TRUNCATE ${SCRATCH_TABLE}`);
      ctx.log(`import: COPY of ${settings.importRows} rows into ${SCRATCH_TABLE}`);
      const ms = await copyInto(client, SCRATCH_TABLE, copyChunks);
      const copied = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCRATCH_TABLE}`)).rows[0].n;
      if (copied !== settings.importRows) throw new Error(`COPY stored ${copied} rows, not ${settings.importRows}`);
      return ms;
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`);
    }
  });

  const outreachEventId = await recordOutreachEvent(suite, testRedisUrl(), {
    departmentId: company.departmentId,
    date: new Date().toISOString().slice(0, 10),
    participantIds: [company.ownerId, company.colleagueId],
    recordedAt: new Date().toISOString(),
  });

  // Warm-up batch with phones of its own, then wait for its events to leave, so the measured batches start
  // from an idle service.
  await submit(serviceUrl, company.headers.clerk, JSON.stringify({ outreachEventId, records: archiveRecords('137', 0, WARMUP_ROWS) }));
  await outboxDrained(suite.db.url, 60_000);

  const bodies: string[] = [];
  for (let from = 0; from < settings.importRows; from += settings.batchRows) {
    bodies.push(JSON.stringify({ outreachEventId, records: archiveRecords('139', from, Math.min(settings.batchRows, settings.importRows - from)) }));
  }
  ctx.log(`import: customers service, ${bodies.length} batch(es) of up to ${settings.batchRows} rows`);
  const before = await countRows(suite.db.url, 'customers.customers');
  let serviceMs = 0;
  let accepted = 0;
  let rejected = 0;
  const { profile } = await sampleStatements(suite.db.url, async () => {
    for (const body of bodies) {
      const { ms, report } = await submit(serviceUrl, company.headers.clerk, body);
      serviceMs += ms;
      accepted += report.accepted;
      rejected += report.duplicates.length + report.invalid.length;
    }
  });
  const stored = (await countRows(suite.db.url, 'customers.customers')) - before;
  const backlog = await countRows(suite.db.url, 'customers.outbox WHERE published_at IS NULL');
  const bodyBytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);

  return {
    name: `Archive import of ${settings.importRows.toLocaleString('en')} rows`,
    ours: { label: `POST /api/v1/archive-batches (${bodies.length} × JSON)`, rate: (accepted / serviceMs) * 1000, unit: 'rows/s', count: stored, failures: rejected + (stored === settings.importRows ? 0 : 1) },
    baseline: { label: 'COPY into a scratch copy of customers.customers', rate: (settings.importRows / copyMs) * 1000, unit: 'rows/s', count: settings.importRows, failures: 0 },
    target: 0.3,
    notes: [
      `service: ${(serviceMs / 1000).toFixed(2)} s for ${accepted.toLocaleString('en')} accepted rows (${(bodyBytes / 1e6).toFixed(1)} MB of JSON); COPY: ${(copyMs / 1000).toFixed(2)} s`,
      `per accepted row the service also writes a history row, a batch row and 2 outbox events (5 rows and their indexes against COPY's 1); ${backlog.toLocaleString('en')} of ${(2 * accepted).toLocaleString('en')} events were still unpublished when the last batch answered`,
      `where the service's time went (${profile.samples} samples of pg_stat_activity; the request and the relay may overlap): ` +
        profile.shares.map(([label, share]) => `${label} ${(share * 100).toFixed(0)}%`).join('; '),
    ],
  };
}
