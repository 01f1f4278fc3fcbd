import { Side } from './comparison';
import { FixedLoadFigures, STALL_MS } from './fixed-load';

/** One side of a campaigns row from its runs (each a fixed list of requests): means, and how far apart. */
export function side(label: string, unit: Side['unit'], runs: FixedLoadFigures[]): Side {
  const mean = (f: (r: FixedLoadFigures) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
  const rate = mean((r) => r.rate);
  const rates = runs.map((r) => r.rate);
  return {
    label,
    rate,
    unit,
    p50Ms: mean((r) => r.latencyP50Ms),
    p99Ms: mean((r) => r.latencyP99Ms),
    count: runs.reduce((n, r) => n + r.requests, 0),
    failures: runs.reduce((n, r) => n + r.refused + r.errors + r.unanswered, 0),
    spread: rate ? (Math.max(...rates) - Math.min(...rates)) / rate : 0,
    runs: runs.length,
  };
}

/** How a run's requests were answered, for the notes and for errors. */
export function answers(f: FixedLoadFigures): string {
  const statuses = Object.entries(f.statuses).map(([s, n]) => `${n.toLocaleString('en')} × ${s}`);
  const stall = f.stalled ? `; no answer at all for ${STALL_MS / 1000} s after the last one, so the run was stopped with ${f.unanswered.toLocaleString('en')} unanswered` : '';
  return `${f.succeeded.toLocaleString('en')} of ${f.requests.toLocaleString('en')} succeeded, ${f.refused} refused, ${f.errors} socket errors or timeouts (${statuses.join(', ') || 'no answers'})${stall}`;
}

/** Every request answered 2xx, or the next step (confirming, listing confirmed customers) cannot be measured. */
export function allSucceeded(f: FixedLoadFigures, what: string): FixedLoadFigures {
  if (f.succeeded !== f.requests) throw new Error(`${what}: ${answers(f)}`);
  return f;
}

export const ms = (n: number) => `${n.toFixed(0)} ms`;
export const rates = (runs: FixedLoadFigures[]) => runs.map((r) => r.rate.toFixed(0)).join(' and ');
