import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Comparison, Context, metTarget, ratioOf, Side } from './comparison';
import { BenchSettings } from './settings';

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  postgres: string;
  loadAverage: string;
  loadAverageAfter?: string;
  revision: string;
}

const startMarker = (block: string) => `<!-- bench:${block}:start (written by \`npm run bench\`; edits here are overwritten) -->`;
const endMarker = (block: string) => `<!-- bench:${block}:end -->`;

export const num = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function figure(s: Side): string {
  const rate = `${num(s.rate)} ${s.unit}`;
  const latency = s.p99Ms !== undefined ? `, p50 ${num(s.p50Ms ?? 0)} ms, p99 ${num(s.p99Ms)} ms` : '';
  const failures = s.failures ? `, **${s.failures} failures**` : '';
  const runs = s.runs && s.runs > 1 ? ` (mean of ${s.runs} runs ${num((s.spread ?? 0) * 100)}% apart)` : '';
  return `${s.label}: ${rate}${latency}${failures}${runs}`;
}

function verdict(c: Comparison): string {
  const ratio = ratioOf(c);
  if (metTarget(c)) return `met (${num(ratio, 2)} ≥ ${num(c.target, 1)})`;
  if (c.ours.failures || c.baseline.failures) return 'void: failures during the run';
  const short = c.target - ratio;
  const needed = (c.target / ratio - 1) * 100;
  return `**missed** by ${num(short, 2)} (${num(ratio, 2)} < ${num(c.target, 1)}; the suite needs ${num(needed)}% more throughput)`;
}

/** Which run, on what: the first line of every block of figures. */
export function runLine(machine: Machine): string {
  return (
    `Run of ${machine.date} (commit ${machine.revision}) on ${machine.cores} cores (${machine.cpu}), ${num(machine.memoryGb)} GB RAM, Node ${machine.node}, ${machine.postgres}; ` +
    `the database, Redis, the suite, the baselines and autocannon all on this one machine; load average (1/5/15 min) ${machine.loadAverage} before the run, ${machine.loadAverageAfter ?? '?'} after.`
  );
}

/** The figures section: machine, settings, the table, and the facts behind each pair. */
export function figuresMarkdown(machine: Machine, settings: BenchSettings, comparisons: Comparison[], contexts: Context[]): string {
  const lines = [
    runLine(machine),
    '',
    `Settings: ${settings.connections} connections, pipelining 1, ${settings.warmupSeconds} s warm-up then ${settings.durationSeconds} s measured per side ` +
      `(BENCH_DURATION=${settings.durationSeconds}, BENCH_WARMUP=${settings.warmupSeconds}, BENCH_CONNECTIONS=${settings.connections}); ` +
      `reads rotate through ${num(settings.customers)} customers; import of ${num(settings.importRows)} rows in batches of ${num(settings.batchRows)}; ` +
      'the service and the gateway run as deployed (NODE_ENV=production, LOG_LEVEL=info, logs to a file; DATABASE_POOL_SIZE 10), the baseline server with a pool of 10 and no logging.',
    '',
    '| Benchmark | Suite | Baseline | Ratio | Target | Verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...comparisons.map((c) => `| ${c.name} | ${figure(c.ours)} | ${figure(c.baseline)} | ${num(ratioOf(c), 2)} | ≥ ${num(c.target, 1)} | ${verdict(c)} |`),
    '',
    ...comparisons.flatMap((c) => c.notes.map((n) => `- ${c.name}: ${n}`)),
  ];
  if (contexts.length) {
    lines.push('', 'Measured in the same run to explain the figures above (no target):', '', '| Measurement | Figure | Against | Ratio |', '| --- | --- | --- | --- |');
    for (const x of contexts) lines.push(`| ${x.name} | ${figure(x.side)} | ${figure(x.against)} | ${num(x.side.rate / x.against.rate, 2)} |`);
    lines.push('', ...contexts.map((x) => `- ${x.name}: ${x.note}`));
  }
  return lines.join('\n');
}

/**
 * Puts the figures between the markers of `block` in bench/README.md, keeping the hand-written analysis and
 * the other blocks around them: a run of one part (BENCH_ONLY) rewrites that part's figures only.
 */
export function writeFigures(readmePath: string, figures: string, block = 'figures'): void {
  const [START, END] = [startMarker(block), endMarker(block)];
  const text = `${START}\n${figures}\n${END}`;
  const current = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start ? `${current.slice(0, start)}${text}${current.slice(end + END.length)}` : `${current}${current ? '\n\n' : '# Benchmarks\n\n'}${text}\n`;
  writeFileSync(readmePath, next);
}

/** The table for the console. */
export function printFigures(comparisons: Comparison[], contexts: Context[], print: (line: string) => void): void {
  for (const c of comparisons) {
    print(`\n${c.name}`);
    print(`  suite    ${figure(c.ours)}`);
    print(`  baseline ${figure(c.baseline)}`);
    print(`  ratio    ${num(ratioOf(c), 2)} (target ≥ ${num(c.target, 1)}): ${verdict(c).replace(/\*\*/g, '')}`);
    for (const n of c.notes) print(`  - ${n}`);
  }
  for (const x of contexts) print(`\n${x.name}\n  ${figure(x.side)}\n  ratio vs ${x.against.label}: ${num(x.side.rate / x.against.rate, 2)}`);
}
