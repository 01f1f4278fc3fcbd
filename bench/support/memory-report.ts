import { MemoryFigures, Moment, MOMENTS } from '../memory.bench';
import { answersLine } from './memory-load';
import { MemoryReading } from './memory-probe';
import { Machine, num, runLine } from './report';
import { BenchSettings } from './settings';

const HEADINGS: Record<Moment, string> = {
  started: 'after start',
  seeded: 'at rest, company set up',
  load1: 'load 1 (highest)',
  after1: 'after load 1',
  load2: 'load 2 (highest)',
  after2: 'after load 2',
};

const cell = (r?: MemoryReading) => (r ? `${num(r.rss)} (${r.heapUsed === undefined ? '?' : num(r.heapUsed)})` : '?');
const sum = (readings: (MemoryReading | undefined)[], f: (r: MemoryReading) => number | undefined) => readings.reduce((n, r) => n + ((r && f(r)) ?? 0), 0);
const total = (readings: (MemoryReading | undefined)[]): MemoryReading => ({ rss: sum(readings, (r) => r.rss), peak: sum(readings, (r) => r.peak), heapUsed: sum(readings, (r) => r.heapUsed) });

function table(m: MemoryFigures): string[] {
  const floor = m.floor.rest?.rss;
  const ratio = (r?: MemoryReading) => (r && floor ? num(r.rss / floor, 1) : '?');
  const rows = m.processes.map((p) => `| ${p.name} | ${MOMENTS.map((k) => cell(p.readings[k])).join(' | ')} | ${ratio(p.readings.seeded)} |`);
  const totals = MOMENTS.map((k) => total(m.processes.map((p) => p.readings[k])));
  const floors = m.processes.length * (floor ?? 0);
  return [
    `| Process: RSS MiB (V8 heap used MiB) | ${MOMENTS.map((k) => HEADINGS[k]).join(' | ')} | RSS at rest / floor |`,
    `| --- | ${MOMENTS.map(() => '---').join(' | ')} | --- |`,
    ...rows,
    `| **all six** | ${totals.map((t) => `**${cell(t)}**`).join(' | ')} | ${floor ? num(totals[1].rss / floors, 1) : '?'} |`,
    `| floor: empty Fastify server, bare Node | ${cell(m.floor.rest)} | ${cell(m.floor.rest)} | ${cell(m.floor.load)} | ${cell(m.floor.after)} | – | – | 1.0 |`,
  ];
}

/** The memory block of the figures section. */
export function memoryMarkdown(machine: Machine, settings: BenchSettings, m: MemoryFigures): string {
  const t = (k: Moment) => total(m.processes.map((p) => p.readings[k]));
  return [
    runLine(machine),
    '',
    `Settings: the five services and the gateway as deployed (NODE_ENV=production, LOG_LEVEL=info, logs to files, DATABASE_POOL_SIZE 10), ${num(m.customers)} customers in 5 departments set up through the gateway; ` +
      `two mixed loads of ${settings.memoryLoadSeconds} s each through the gateway by ${settings.connections} callers (BENCH_MEMORY_SECONDS=${settings.memoryLoadSeconds}, BENCH_CONNECTIONS=${settings.connections}): an owner's REST read of a customer, the federated GraphQL read (customers + rewards + complaints + service-visits + campaigns fields) and an invitation to a joint meeting, in turn; ` +
      `readings "at rest" and "after" ${m.idleSeconds} s with no request and a full garbage collection each process ran at the bench's request; RSS from /proc/<pid>/status (VmRSS), V8 heap used from each process's own process.memoryUsage() (a --require preload writing it once a second, see Notes); the floor is a bare Node process serving an empty Fastify app, read the same way and loaded with GET /health by as many callers for as long. No target: figures and ratios.`,
    '',
    ...table(m),
    '',
    `- loads: ${m.loads.map((l, i) => `load ${i + 1}: ${num(l.requests)} requests in ${num(l.seconds, 1)} s (${num(l.requests / l.seconds)}/s): ${answersLine(l)}`).join('; ')}; the floor answered ${num(m.floor.requests)} GET /health`,
    `- all six processes: ${num(t('seeded').rss)} MiB at rest, ${num(t('load1').rss)} / ${num(t('load2').rss)} MiB at the highest under loads 1 / 2 (each process's own highest, so the sum is an upper bound), ${num(t('after1').rss)} MiB after load 1 and ${num(t('after2').rss)} MiB after load 2: ${num(t('after2').rss - t('after1').rss, 1)} MiB from one load to the next`,
    `- highest RSS each process reached during the run (VmHWM): ${m.processes.map((p) => `${p.name} ${num(p.readings.after2?.peak ?? 0)} MiB`).join(', ')}`,
  ].join('\n');
}

export function printMemory(m: MemoryFigures, print: (line: string) => void): void {
  print('');
  for (const line of table(m)) print(line);
  for (const [i, l] of m.loads.entries()) print(`load ${i + 1}: ${num(l.requests)} requests in ${num(l.seconds, 1)} s: ${answersLine(l)}`);
}
