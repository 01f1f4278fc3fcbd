import autocannon, { AutocannonRequest } from 'autocannon';

/** One request of a fixed list: every one is sent exactly once. */
export interface FixedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FixedLoadFigures {
  requests: number;
  seconds: number;
  /** Answers per second, wall clock from the start of the run to the last answer received. */
  rate: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** 2xx answers. */
  succeeded: number;
  /** Answered, but not 2xx (a refusal: 409, 422, ...). */
  refused: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Requests never answered (sent or not) because the run was cut short. */
  unanswered: number;
  /** The `id` of each 2xx answer's JSON body, by request index (only when asked for). */
  ids: (string | undefined)[];
  /** The server stopped answering for STALL_MS and the run was cut short: `seconds` ends at the last answer. */
  stalled: boolean;
}

/**
 * No answer at all for this long ends the run. A server that stopped answering (a starved connection pool, say)
 * would otherwise hold autocannon for requests × timeout / connections.
 */
export const STALL_MS = 10_000;

/**
 * Sends each of `list` once over `connections` keep-alive connections (autocannon, no pipelining) and times
 * the whole. Writes must not repeat (an invitation twice is a refusal, not a faster invitation), so this is
 * a fixed amount of requests rather than a timed run: autocannon calls setupRequest exactly once per request
 * sent, and with one request in flight per connection its context carries the index to the answer.
 */
export async function sendEach(url: string, list: readonly FixedRequest[], connections: number, captureIds = false): Promise<FixedLoadFigures> {
  let next = 0;
  const statuses: Record<string, number> = {};
  let lastAnswer = performance.now();
  const ids: (string | undefined)[] = new Array(list.length);
  const requests: AutocannonRequest[] = [
    {
      setupRequest: (request, context) => {
        const i = next++;
        const r = list[i % list.length];
        context.index = i;
        return { ...request, method: r.method, path: r.path, headers: r.headers, body: r.body ?? '' };
      },
      onResponse: (status, body, context) => {
        lastAnswer = performance.now();
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (captureIds && status < 300) ids[context.index as number] = (JSON.parse(body) as { id?: string }).id;
      },
    },
  ];
  const started = performance.now();
  const run = autocannon({ url, connections: Math.min(connections, list.length), amount: list.length, pipelining: 1, timeout: 30, requests });
  let stalled = false;
  const watchdog = setInterval(() => {
    if (performance.now() - lastAnswer < STALL_MS) return;
    stalled = true;
    run.stop();
  }, 1000);
  let result: Awaited<typeof run>;
  try {
    result = await run;
  } finally {
    clearInterval(watchdog);
  }
  // To the last answer, not to autocannon's end: it notices that all requests are done only at its next
  // one-second sample tick, which would round every short run up to whole seconds.
  const seconds = (lastAnswer - started) / 1000;
  if (!stalled && next !== list.length) throw new Error(`autocannon prepared ${next} requests for a list of ${list.length}`);
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const succeeded = Object.entries(statuses).reduce((n, [s, c]) => (s.startsWith('2') ? n + c : n), 0);
  return {
    requests: list.length,
    seconds,
    rate: seconds > 0 ? answered / seconds : 0,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    statuses,
    succeeded,
    refused: answered - succeeded,
    errors: result.errors + result.timeouts,
    unanswered: list.length - answered,
    ids,
    stalled,
  };
}
