import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Clock ticks per second of /proc/<pid>/stat on Linux (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

/**
 * The process running `script` that listens on `url`'s port, found by its command line and PORT environment
 * (the suite and the bench start every process with PORT; others on this machine may run the same script).
 * Undefined off Linux or when not found: CPU figures are then left out, nothing else depends on them.
 */
export function processServing(script: string, url: string): number | undefined {
  const port = `PORT=${new URL(url).port}`;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script)) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(port)) return Number(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined;
}

/** CPU seconds (user + system) a process has used so far; undefined once it is gone. */
function cpuSeconds(pid: number): number | undefined {
  try {
    // The command name in parentheses may hold spaces: fields are counted from after it (utime, stime: 14, 15).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds `pids` used between two readings. A pid first seen at the end started meanwhile (a pool opening a
 * connection): all it used counts. One gone by the end is left out, with what it used: the figure is a floor.
 */
function cpuBetween(start: ReadonlyMap<number, number>, endPids: readonly number[]): number {
  let total = 0;
  for (const pid of new Set([...start.keys(), ...endPids])) {
    const now = cpuSeconds(pid);
    if (now !== undefined) total += now - (start.get(pid) ?? 0);
  }
  return total;
}

const readings = (pids: readonly number[]) => new Map(pids.flatMap((pid) => (cpuSeconds(pid) === undefined ? [] : [[pid, cpuSeconds(pid) as number] as const])));

/** Where one side spends CPU: its own process and the PostgreSQL backends of its pool (by application_name). */
export interface CpuSource {
  pid: number | undefined;
  applicationName: string;
}

/** CPU one run used: seconds of the side's process and of its PostgreSQL connections. */
export interface CpuUse {
  processSeconds: number;
  databaseSeconds: number;
}

/**
 * What the side's pool connections were doing, on average over the run (connections in each state, sampled
 * every 20 ms): running a statement, waiting for a row lock, idle inside a transaction (waiting for their
 * own process to send the next statement, holding what they locked), or idle in the pool.
 */
export interface BackendStates {
  running: number;
  waitingForLock: number;
  idleInTransaction: number;
  idle: number;
}

const SAMPLE_MS = 20;

/**
 * Runs `work` and answers the CPU its side used meanwhile and what its pool's connections were doing. Unlike a
 * rate, CPU per event or request hardly moves with what else the machine does, so it is the steadier figure on
 * a shared machine. The backends are the pool's connections, known by its application_name (the relay's and
 * other services' have other names).
 */
export async function observeSide<T extends object>(dbUrl: string, source: CpuSource, work: () => Promise<T>): Promise<T & { cpu?: CpuUse; states?: BackendStates }> {
  if (source.pid === undefined) return { ...(await work()) };
  const db = new Client({ connectionString: dbUrl, application_name: 'bench-observer' });
  await db.connect();
  const backends = async () =>
    (await db.query<{ pid: number; state: string; lock: boolean }>(
      `SELECT pid, state, wait_event_type = 'Lock' AS lock FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [source.applicationName],
    )).rows;
  const totals: BackendStates = { running: 0, waitingForLock: 0, idleInTransaction: 0, idle: 0 };
  let samples = 0;
  let sampling = true;
  try {
    const [process0, database0] = [readings([source.pid]), readings((await backends()).map((b) => b.pid))];
    const sampler = (async () => {
      while (sampling) {
        for (const b of await backends()) {
          const key: keyof BackendStates = b.state === 'active' ? (b.lock ? 'waitingForLock' : 'running') : b.state === 'idle' ? 'idle' : 'idleInTransaction';
          totals[key]++;
        }
        samples++;
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    })();
    let result: T;
    try {
      result = await work();
    } finally {
      sampling = false;
      await sampler.catch(() => undefined);
    }
    const cpu = { processSeconds: cpuBetween(process0, []), databaseSeconds: cpuBetween(database0, (await backends()).map((b) => b.pid)) };
    const states = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, v / Math.max(samples, 1)])) as unknown as BackendStates;
    return { ...result, cpu, states };
  } finally {
    await db.end();
  }
}
