import autocannon, { AutocannonRequest } from 'autocannon';
import { BenchSettings } from './settings';

/** What one measured side of a comparison produced. */
export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  /** Non-2xx answers and socket errors: a fast error is not a fast read, so any of these voids the side. */
  failures: number;
  /** How far apart the runs of this side were, relative to their mean (0.03 = 3%). */
  spread: number;
}

export interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** The request for the n-th call; rotating through many ids keeps one hot row from flattering a side. */
  request(n: number): { path?: string; body?: string };
}

type Run = Omit<LoadFigures, 'spread'>;

/**
 * One autocannon run against a target, optionally after a warm-up that is thrown away. The counter is shared
 * by all connections, so the ids are taken in turn across the whole run.
 */
async function run(target: LoadTarget, settings: BenchSettings, warmUp: boolean): Promise<Run> {
  let n = 0;
  const requests: AutocannonRequest[] = [
    {
      method: target.method,
      headers: target.headers,
      setupRequest: (request) => {
        const next = target.request(n++);
        if (next.path !== undefined) request.path = next.path;
        if (next.body !== undefined) request.body = next.body;
        return request;
      },
    },
  ];
  const base = { url: target.url, connections: settings.connections, pipelining: 1, timeout: 10, requests };
  if (warmUp) await autocannon({ ...base, duration: settings.warmupSeconds });
  const result = await autocannon({ ...base, duration: settings.durationSeconds });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

function merge(runs: Run[]): LoadFigures {
  const mean = (f: (r: Run) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  const rates = runs.map((r) => r.requestsPerSecond);
  const rps = mean((r) => r.requestsPerSecond);
  return {
    requestsPerSecond: rps,
    latencyP50Ms: mean((r) => r.latencyP50Ms),
    latencyP99Ms: mean((r) => r.latencyP99Ms),
    requests: runs.reduce((s, r) => s + r.requests, 0),
    failures: runs.reduce((s, r) => s + r.failures, 0),
    spread: rps ? (Math.max(...rates) - Math.min(...rates)) / rps : 0,
  };
}

/** One target on its own: warm-up, then one measured run. */
export async function measureLoad(target: LoadTarget, settings: BenchSettings): Promise<LoadFigures> {
  return merge([await run(target, settings, true)]);
}

/**
 * A comparison measured in the order baseline, suite, suite, baseline (each side warmed up before its first
 * run), and each side's runs averaged: whatever else the machine does drifts into both sides alike instead of
 * into whichever ran second.
 */
export async function measurePair(ours: LoadTarget, baseline: LoadTarget, settings: BenchSettings): Promise<{ ours: LoadFigures; baseline: LoadFigures }> {
  const b1 = await run(baseline, settings, true);
  const o1 = await run(ours, settings, true);
  const o2 = await run(ours, settings, false);
  const b2 = await run(baseline, settings, false);
  return { ours: merge([o1, o2]), baseline: merge([b1, b2]) };
}
