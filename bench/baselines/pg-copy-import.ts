import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A customers row exactly as the service stores an accepted archive row (archives.repository.ts). */
export interface CustomerRow {
  id: string;
  name: string;
  phone: string;
  gender: string | null;
  birthDate: string | null;
  address: string | null;
  ownerId: string;
  departmentId: string;
  at: Date;
}

export const COPY_COLUMNS = [
  'id', 'name', 'phone', 'gender', 'birth_date', 'address', 'notes', 'source', 'stage', 'value_tier',
  'owner_id', 'department_id', 'referrer_id', 'under_served', 'assigned_at', 'created_at', 'updated_at',
] as const;

/** COPY text format: tab-separated, `\N` for null, backslash escapes for the few special characters. */
function field(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The COPY input of `rows`, built before timing (as the service's JSON body is built before its timing). */
export function copyText(rows: readonly CustomerRow[]): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  for (const r of rows) {
    const at = r.at.toISOString();
    lines.push(
      [r.id, r.name, r.phone, r.gender, r.birthDate, r.address, null, 'OUTREACH', 'POTENTIAL', null, r.ownerId, r.departmentId, null, 'f', at, at, at]
        .map(field)
        .join('\t'),
    );
    if (lines.length === 1000) {
      chunks.push(Buffer.from(`${lines.join('\n')}\n`));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(`${lines.join('\n')}\n`));
  return chunks;
}

/** `CREATE TABLE … (LIKE customers.customers INCLUDING ALL)`: same columns, defaults, keys and indexes. */
export async function createScratchCopy(client: Client, table: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query(`CREATE TABLE ${table} (LIKE customers.customers INCLUDING ALL)`);
}

/** The baseline: the rows streamed with COPY into `table` in one transaction. Answers the elapsed ms. */
export async function copyInto(client: Client, table: string, chunks: readonly Buffer[]): Promise<number> {
  const started = performance.now();
  await client.query('BEGIN');
  const stream = client.query(copyFrom(`COPY ${table} (${COPY_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks), stream);
  await client.query('COMMIT');
  return performance.now() - started;
}
