import { Upstream } from '../routing/upstreams';

export type ServiceHealth = { status: 'up' } | { status: 'down'; reason: string };

/**
 * Asks one service whether it is ready. Anything but a 200 within the timeout counts as down: a slow service
 * is not ready to take traffic either.
 */
export async function checkService(upstream: Upstream, timeoutMs: number): Promise<ServiceHealth> {
  try {
    const response = await upstream.healthPool.request({
      method: 'GET',
      path: `${upstream.basePath}/health`,
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    return response.statusCode === 200 ? { status: 'up' } : { status: 'down', reason: `HTTP ${response.statusCode}` };
  } catch (error) {
    const e = error as { name?: string; code?: string };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError' || e.code === 'UND_ERR_ABORTED' || e.code === 'UND_ERR_HEADERS_TIMEOUT';
    return { status: 'down', reason: timedOut ? `no answer within ${timeoutMs} ms` : `unreachable (${e.code ?? e.name ?? 'error'})` };
  }
}

export interface SuiteHealth {
  status: 'ok' | 'unavailable';
  services: Record<string, ServiceHealth>;
}

/** Every configured service, checked in parallel, so /health takes as long as the slowest one at most. */
export async function checkSuite(upstreams: Upstream[], timeoutMs: number): Promise<SuiteHealth> {
  const results = await Promise.all(upstreams.map(async (u) => [u.service, await checkService(u, timeoutMs)] as const));
  const services = Object.fromEntries(results);
  return { status: results.every(([, h]) => h.status === 'up') ? 'ok' : 'unavailable', services };
}
