import type { RunningSuite } from '@crm/testing';
import { meetingDateAhead } from './support/campaigns-plan';
import { planJointMeetings, postOnceKnown, seedJointCompany } from './support/campaigns-seed';
import { startBenchProcess } from './support/child-process';
import { withDatabase } from './support/db';
import { answersLine, mixedLoad, MixedLoadFigures } from './support/memory-load';
import { MemoryProbe, MemoryReading } from './support/memory-probe';
import { processServing } from './support/rewards-observe';
import { BenchSettings } from './support/settings';
import { outboxDrained } from './support/sweep-trigger';

export interface MemoryBenchContext {
  suite: RunningSuite;
  settings: BenchSettings;
  probe: MemoryProbe;
  /** The suite's BUSINESS_TZ, in which the joint meetings are dated (campaigns-plan.ts). */
  tz: string;
  log(line: string): void;
}

/** The six processes of the suite as deployed. */
export const SUITE_PROCESSES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits', 'gateway'] as const;
export type SuiteProcess = (typeof SUITE_PROCESSES)[number];

/** When a reading was taken; the loads' figures are the highest of the readings taken every second during them. */
export const MOMENTS = ['started', 'seeded', 'load1', 'after1', 'load2', 'after2'] as const;
export type Moment = (typeof MOMENTS)[number];

export interface ProcessMemory {
  name: string;
  readings: Partial<Record<Moment, MemoryReading>>;
}

export interface MemoryFigures {
  processes: ProcessMemory[];
  floor: { rest?: MemoryReading; load?: MemoryReading; after?: MemoryReading; requests: number };
  loads: MixedLoadFigures[];
  idleSeconds: number;
  customers: number;
}

/** Seconds each process is left alone before a reading "at rest": timers, pools and GC settle. */
const IDLE_SECONDS = 10;
const idle = (s = IDLE_SECONDS) => new Promise((r) => setTimeout(r, s * 1000));

/** The highest reading of each field over a load, sampling every second. */
async function sampledPeak(read: () => (MemoryReading | undefined)[], work: () => Promise<void>): Promise<(MemoryReading | undefined)[]> {
  const peaks: (MemoryReading | undefined)[] = read();
  const sample = () =>
    read().forEach((r, i) => {
      const p = peaks[i];
      if (!r) return;
      peaks[i] = p ? { rss: Math.max(p.rss, r.rss), peak: Math.max(p.peak, r.peak), heapUsed: Math.max(p.heapUsed ?? 0, r.heapUsed ?? 0), heapTotal: Math.max(p.heapTotal ?? 0, r.heapTotal ?? 0) } : r;
    });
  const timer = setInterval(sample, 1000);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  return peaks;
}

/** The floor: an empty Fastify server in a bare Node process, at rest, under GET /health from as many callers, and after. */
async function floor(probe: MemoryProbe, settings: BenchSettings): Promise<MemoryFigures['floor']> {
  const server = await startBenchProcess('baselines/empty-fastify-server', { NODE_OPTIONS: probe.nodeArgs.join(' '), ...probe.env });
  try {
    const pid = processServing('empty-fastify-server.js', server.url);
    const settled = async () => {
      await idle();
      await probe.collectGarbage([server.url]);
      return probe.read(pid, server.url);
    };
    const rest = await settled();
    let requests = 0;
    const end = performance.now() + settings.memoryLoadSeconds * 1000;
    const [load] = await sampledPeak(
      () => [probe.read(pid, server.url)],
      () =>
        Promise.all(
          Array.from({ length: settings.connections }, async () => {
            while (performance.now() < end) {
              await (await fetch(`${server.url}/health`)).arrayBuffer();
              requests++;
            }
          }),
        ).then(() => undefined),
    );
    return { rest, load, after: await settled(), requests };
  } finally {
    await server.stop();
  }
}

/**
 * Issue #6, memory: the whole suite started as deployed, each process's RSS and heap at rest after start, after
 * a company is set up, during and after a mixed load through the gateway, twice (a process that keeps growing
 * from one load to the next the same load leaks), against the floor of a bare Node process serving Fastify.
 */
export async function memoryBench(ctx: MemoryBenchContext): Promise<MemoryFigures> {
  const { suite, settings, probe, tz, log } = ctx;
  const urlOf = (name: SuiteProcess) => (name === 'gateway' ? suite.gatewayUrl : suite.serviceUrls[name]);
  const pids = SUITE_PROCESSES.map((name) => processServing(`apps/${name}/src/main.js`, urlOf(name)));
  const read = () => SUITE_PROCESSES.map((name, i) => probe.read(pids[i], urlOf(name)));
  const processes: ProcessMemory[] = SUITE_PROCESSES.map((name) => ({ name, readings: {} }));
  const record = (moment: Moment, readings: (MemoryReading | undefined)[]) => readings.forEach((r, i) => r && (processes[i].readings[moment] = r));
  // At rest: after the idle time, and after a full collection, so that what is read is what stays in use.
  const atRest = async (moment: Moment) => {
    await idle();
    await probe.collectGarbage(SUITE_PROCESSES.map(urlOf));
    record(moment, read());
  };

  await atRest('started');

  log(`memory: setting up the company (${settings.customers} customers in 5 departments) and joint meetings`);
  const company = await seedJointCompany(suite.gatewayUrl, settings.customers);
  // Enough meetings that no load runs out of new invitations (each pair of meeting and customer once).
  const meetings = await planJointMeetings(suite.gatewayUrl, company, meetingDateAhead(tz), 40, '会议室');
  const probeMeeting = meetings.pop() as string;
  const last = company.customers[company.customers.length - 1];
  // Campaigns knows every customer once it knows the last registered one (events arrive in order).
  await postOnceKnown(suite.gatewayUrl, `/api/v1/meetings/${probeMeeting}/invitations`, last.owner.headers, { customerId: last.id }, 'CUSTOMER_NOT_FOUND');
  await withDatabase(suite.db.url, (c) => outboxDrained(c, 'customers'));
  await atRest('seeded');

  const loads: MixedLoadFigures[] = [];
  const next = { request: 0, invitation: 0 };
  for (const [during, after] of [['load1', 'after1'], ['load2', 'after2']] as const) {
    log(`memory: mixed load through the gateway, ${settings.memoryLoadSeconds} s, ${settings.connections} callers (${during})`);
    let figures: MixedLoadFigures | undefined;
    record(during, await sampledPeak(read, async () => void (figures = await mixedLoad(suite.gatewayUrl, company, meetings, settings.memoryLoadSeconds, settings.connections, next))));
    loads.push(figures as MixedLoadFigures);
    log(`memory: ${answersLine(figures as MixedLoadFigures)}`);
    await atRest(after);
  }

  log('memory: the floor, an empty Fastify server');
  return { processes, floor: await floor(probe, settings), loads, idleSeconds: IDLE_SECONDS, customers: settings.customers };
}
