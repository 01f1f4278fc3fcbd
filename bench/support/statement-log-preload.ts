/**
 * Loaded into a service with `node --require` (bench/support/statement-log.ts): writes one line per SQL
 * statement the process sends through node-postgres, `<ms since epoch>\t<backend pid>\t<statement text>`, to
 * `$BENCH_STATEMENT_LOG/<PORT>.log`. The database server here has no pg_stat_statements (it needs a restart to
 * load) and logs to a stderr nobody can read, so the service's own driver is where statements are counted.
 * A synchronous append per statement: a few microseconds each, counted in the sweep's time.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const dir = process.env.BENCH_STATEMENT_LOG;
if (dir) {
  const file = join(dir, `${process.env.PORT ?? process.pid}.log`);
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown; processID?: number };
  const send = proto.query;
  proto.query = function (this: { processID?: number }, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : first?.text;
    if (typeof text === 'string') appendFileSync(file, `${Date.now()}\t${this.processID ?? 0}\t${text.replace(/\s+/g, ' ').trim().slice(0, 160)}\n`);
    return send.apply(this, args);
  };
}
