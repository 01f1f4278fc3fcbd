import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** One process's memory at one moment, in MiB (2^20 bytes). */
export interface MemoryReading {
  /** Resident set (VmRSS of /proc/<pid>/status): what the process holds in RAM now. */
  rss: number;
  /** Its peak so far (VmHWM). */
  peak: number;
  /** V8 heap in use and reserved, from the process's own report (heap-report-preload.ts), up to a second old. */
  heapUsed?: number;
  heapTotal?: number;
}

const MB = 1024 * 1024;

function statusKb(pid: number, field: string): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the memory of processes the bench knows by pid and port: RSS from /proc (Linux only), the heap from the
 * report each process writes of itself when started with `nodeArgs` (or NODE_OPTIONS) and `env`.
 */
export class MemoryProbe {
  readonly dir = mkdtempSync(join(tmpdir(), 'crm-bench-heap-'));
  readonly preload = resolve(__dirname, 'heap-report-preload.js');
  readonly nodeArgs = ['--expose-gc', '--require', this.preload];
  readonly env = { BENCH_HEAP_REPORT: this.dir };

  read(pid: number | undefined, url: string): MemoryReading | undefined {
    if (pid === undefined) return undefined;
    const [rss, peak] = [statusKb(pid, 'VmRSS'), statusKb(pid, 'VmHWM')];
    if (rss === undefined || peak === undefined) return undefined;
    const file = join(this.dir, `${new URL(url).port}.json`);
    let heap: { heapUsed?: number; heapTotal?: number; collected?: number } = {};
    try {
      if (existsSync(file)) heap = JSON.parse(readFileSync(file, 'utf8')) as typeof heap;
    } catch {
      // caught mid-write: the heap is left out of this reading
    }
    return { rss: rss / 1024, peak: peak / 1024, heapUsed: heap.heapUsed && heap.heapUsed / MB, heapTotal: heap.heapTotal && heap.heapTotal / MB };
  }

  /** When the process on `url` last collected its garbage in full at the bench's request (0: never). */
  private collectedAt(url: string): number {
    try {
      return (JSON.parse(readFileSync(join(this.dir, `${new URL(url).port}.json`), 'utf8')) as { collected?: number }).collected ?? 0;
    } catch {
      return 0;
    }
  }

  /**
   * Asks every process to collect its garbage in full (heap-report-preload.ts) and waits, up to 5 s, until each
   * of `urls` has, and has reported its memory after: then readings say what stays in use.
   */
  async collectGarbage(urls: string[]): Promise<void> {
    const request = join(this.dir, 'gc-request');
    writeFileSync(request, String(Date.now()));
    const requested = statSync(request).mtimeMs;
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline && urls.some((u) => this.collectedAt(u) < requested)) await new Promise((r) => setTimeout(r, 100));
    // The report after the collection is written in the same tick; RSS shrinks as the freed pages are returned.
    await new Promise((r) => setTimeout(r, 500));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
