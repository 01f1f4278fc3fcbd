import { Side } from './comparison';
import { figure, Machine, num, runLine } from './report';
import { BenchSettings } from './settings';

/** One campaigns figure against its baseline. Issue #3 sets no target: figures and ratios only. */
export interface Measured {
  name: string;
  ours: Side;
  baseline: Side;
  notes: string[];
}

// A side with failures has no ratio: a refused or unanswered request is not a fast one.
const hasFailures = (m: Measured) => m.ours.failures > 0 || m.baseline.failures > 0;
const throughputRatio = (m: Measured) => (hasFailures(m) ? 'void: failures' : num(m.ours.rate / m.baseline.rate, 2));
const p99Ratio = (m: Measured) => (hasFailures(m) ? 'void: failures' : m.ours.p99Ms && m.baseline.p99Ms ? num(m.ours.p99Ms / m.baseline.p99Ms, 1) : '–');

/** The campaigns block of the figures section: machine, settings, the table and the facts behind each row. */
export function campaignsMarkdown(machine: Machine, settings: BenchSettings, rows: Measured[], tz: string): string {
  return [
    runLine(machine),
    '',
    `Settings: ${num(settings.customers)} customers in 5 departments (a head and 4 employees each), one joint meeting of the 5 departments per run, ` +
      `meetings dated 3 days ahead in BUSINESS_TZ ${tz}, where the run took place around ${settings.sheetPath === 'on-time' ? '12:00 (sheets on time)' : '20:00 (sheets late)'} (BENCH_SHEET_PATH=${settings.sheetPath}); throughput runs with ${settings.connections} connections, the latency run with ${settings.inviteConnections} ` +
      `(BENCH_CONNECTIONS=${settings.connections}, BENCH_INVITE_CONNECTIONS=${settings.inviteConnections}, BENCH_SHEET_MEETINGS=${settings.sheetMeetings}, BENCH_SHEET_CUSTOMERS=${settings.sheetCustomers}); ` +
      'every request sent once (autocannon with a fixed number of requests), rates from the first request to the last answer; ' +
      'the customers and campaigns services and the gateway run as deployed (NODE_ENV=production, LOG_LEVEL=info, logs to a file; DATABASE_POOL_SIZE 10), the baseline server with a pool of 10 and no logging. No target (issue #3): figures and ratios.',
    '',
    ...measuredTable('Campaigns (issue #3)', rows),
  ].join('\n');
}

/** The table of figures against their baselines, with ratios, then the facts behind each row (campaigns, rewards). */
export function measuredTable(title: string, rows: Measured[]): string[] {
  return [
    `| ${title} | Suite | Baseline | Throughput ratio | p99 ratio |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((m) => `| ${m.name} | ${figure(m.ours)} | ${figure(m.baseline)} | ${throughputRatio(m)} | ${p99Ratio(m)} |`),
    '',
    ...rows.flatMap((m) => m.notes.map((n) => `- ${m.name}: ${n}`)),
  ];
}

/** The campaigns table for the console. */
export function printMeasured(rows: Measured[], print: (line: string) => void): void {
  for (const m of rows) {
    print(`\n${m.name}`);
    print(`  suite    ${figure(m.ours)}`);
    print(`  baseline ${figure(m.baseline)}`);
    print(`  ratio    throughput ${throughputRatio(m)}, p99 ${p99Ratio(m)}`);
    for (const n of m.notes) print(`  - ${n}`);
  }
}
