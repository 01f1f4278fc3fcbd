/** One side of a comparison, as the README table shows it. */
export interface Side {
  label: string;
  /** Requests per second, or rows per second for the import; campaigns names what each request does. */
  rate: number;
  unit: 'req/s' | 'rows/s' | 'invitations/s' | 'confirmations/s' | 'sheets/s';
  p99Ms?: number;
  p50Ms?: number;
  /** Requests made (load) or rows written (import). */
  count: number;
  failures: number;
  /** Measured more than once: how far apart the runs were, relative to their mean. */
  spread?: number;
  runs?: number;
}

/** The suite's figure against its baseline's, and the target the ratio must reach. */
export interface Comparison {
  name: string;
  ours: Side;
  baseline: Side;
  target: number;
  /** Facts a reader needs to trust the pair (body sizes, audit rows written, ...). */
  notes: string[];
}

export const ratioOf = (c: Comparison) => c.ours.rate / c.baseline.rate;
export const metTarget = (c: Comparison) => ratioOf(c) >= c.target && c.ours.failures === 0 && c.baseline.failures === 0;

/** An extra figure measured in the same run that explains a comparison, with no target of its own. */
export interface Context {
  name: string;
  side: Side;
  /** Against which baseline it reads, and that baseline's rate. */
  against: Side;
  note: string;
}
