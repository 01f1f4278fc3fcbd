import { BaselineSweep } from '../baselines/sweep-sql';
import { SweepRow } from '../sweeps.bench';
import { Machine, num, runLine } from './report';
import { BenchSettings } from './settings';
import { statementKinds } from './statement-log';

const millis = (ms: number) => (ms < 10 ? `${num(ms, 1)} ms` : `${num(ms)} ms`);
const did = (r: SweepRow, s: { changed: number; extra: number; events: number }) => `${num(s.changed)} ${r.units[0]}, ${num(s.extra)} ${r.units[1]}, ${num(s.events)} events`;
const baselineFigure = (r: SweepRow, b: BaselineSweep) => `${millis(b.ms)}, ${b.statements} statements; ${did(r, b)}`;
const relayPart = (r: SweepRow) => (r.service.statements.relay ? ` (+ ${r.service.statements.relay} of the relay publishing meanwhile)` : '');
const serviceFigure = (r: SweepRow) => `${millis(r.service.ms)}, ${r.service.statements.total - r.service.statements.relay} statements${relayPart(r)}; ${did(r, r.service)}`;
/** As the other parts read their ratios: the baseline's cost over the service's, 1 = the same. */
const ratio = (r: SweepRow) => num(r.baseline.ms / r.service.ms, 2);

/** The sweeps block of the figures section. */
export function sweepsMarkdown(machine: Machine, settings: BenchSettings, rows: SweepRow[]): string {
  return [
    runLine(machine),
    '',
    `Settings: ${num(settings.sweepComplaints)} complaints and ${num(settings.sweepCustomers)} customers filled with set-based SQL (generate_series), ${num(settings.sweepDueShare * 100)}% due, the heavy adequacy case ${num(settings.sweepHeavyShare * 100)}% ` +
      `(BENCH_SWEEP_COMPLAINTS=${settings.sweepComplaints}, BENCH_SWEEP_CUSTOMERS=${settings.sweepCustomers}, BENCH_SWEEP_DUE_PERCENT=${num(settings.sweepDueShare * 100)}, BENCH_ADEQUACY_HEAVY_PERCENT=${num(settings.sweepHeavyShare * 100)}); ` +
      'the customers, complaints and service-visits services and the gateway run as deployed (NODE_ENV=production, LOG_LEVEL=info, logs to files; COMPLAINT_SLA_BATCH_SIZE 500, ADEQUACY_BATCH_SIZE 5000, ADEQUACY_DAYS 90, the defaults), their cron schedules moved out of the run; ' +
      'each sweep triggered by POST /api/v1/admin/sweeps/{name} on the service\'s port, timed from request to answer; statements counted in the service\'s node-postgres driver (a --require preload, see Notes). ' +
      'Baseline: the same work as one statement (UPDATE … RETURNING and INSERTs in data-modifying CTEs) in one transaction from a plain pg client, on an identical copy of the rows, timed BEGIN to COMMIT. No target: figures and ratios.',
    '',
    '| Sweep | Service | Baseline (one statement) | Ratio (baseline time / service time) |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${serviceFigure(r)} | ${baselineFigure(r, r.baseline)} | ${ratio(r)} |`),
    '',
    ...rows.flatMap((r) => [`- ${r.name}: every statement the service's process sent between request and answer, on ${r.service.statements.connections} connections: ${statementKinds(r.service.statements)}`, ...r.notes.map((n) => `- ${r.name}: ${n}`)]),
  ].join('\n');
}

export function printSweeps(rows: SweepRow[], print: (line: string) => void): void {
  for (const r of rows) {
    print(`\n${r.name}`);
    print(`  service  ${serviceFigure(r)}`);
    print(`  baseline ${baselineFigure(r, r.baseline)}`);
    print(`  ratio    ${ratio(r)}`);
    print(`  - statements: ${statementKinds(r.service.statements)}`);
    for (const n of r.notes) print(`  - ${n}`);
  }
}
