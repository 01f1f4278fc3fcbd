import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The statements a process sent in a time window, by kind (the statement's opening words). */
export interface StatementCount {
  total: number;
  /** Backends (connections) that sent them. */
  connections: number;
  /** "START TRANSACTION" → 3, … in the order first seen. */
  kinds: [string, number][];
  /** Of `total`, those of transactions the outbox relay ran meanwhile (claiming and publishing the new rows). */
  relay: number;
}

/**
 * The relay's own statements (libs/events/src/relay/outbox.relay.ts): its lock, its claim of unpublished rows
 * and its marking them published. A transaction holding one of them is the relay's, its BEGIN and COMMIT too.
 */
const RELAY = /^SELECT pg_try_advisory_xact_lock|^SELECT id, name, version, payload, request_id, occurred_at FROM|SET published_at = /;

/** What a statement is, for a reader: its opening words with identifiers unquoted. */
function kindOf(text: string): string {
  return text.replace(/"/g, '').split(' ').slice(0, 4).join(' ').replace(/\(.*$/, '(…');
}

/**
 * A folder the suite's processes log their statements into (statement-log-preload.ts, started with
 * `--require`), and a reader of one process's statements between two instants.
 */
export class StatementLog {
  readonly dir = mkdtempSync(join(tmpdir(), 'crm-bench-sql-'));
  readonly nodeArgs = ['--require', resolve(__dirname, 'statement-log-preload.js')];
  readonly env = { BENCH_STATEMENT_LOG: this.dir };

  /** Statements the process on `url`'s port sent from `fromMs` to `toMs` (Date.now()), both included. */
  between(url: string, fromMs: number, toMs: number): StatementCount {
    const file = join(this.dir, `${new URL(url).port}.log`);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    const kinds = new Map<string, number>();
    // Statements grouped by connection into transactions (START TRANSACTION … COMMIT), to tell the relay's apart.
    const open = new Map<string, string[]>();
    const backends = new Set<string>();
    let total = 0;
    let relay = 0;
    const close = (group: string[]) => (relay += group.some((t) => RELAY.test(t)) ? group.length : 0);
    for (const line of lines) {
      const [at, backend, text] = line.split('\t');
      if (!text || Number(at) < fromMs || Number(at) > toMs) continue;
      total++;
      backends.add(backend);
      const kind = kindOf(text);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const group = open.get(backend) ?? [];
      group.push(text);
      if (/^(START TRANSACTION|BEGIN)/i.test(text) && group.length === 1) open.set(backend, group);
      else if (open.has(backend) && !/^(COMMIT|ROLLBACK)/i.test(text)) continue;
      else {
        open.delete(backend);
        close(group);
      }
    }
    for (const group of open.values()) close(group);
    return { total, connections: backends.size, kinds: [...kinds], relay };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const statementKinds = (c: StatementCount) => c.kinds.map(([k, n]) => `${k} ×${n}`).join(', ');
