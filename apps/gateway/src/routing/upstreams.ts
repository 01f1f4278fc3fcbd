import { OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { GatewayConfig, serviceUrlsOf } from '../config';
import { ServiceName } from './route-table';

/** One configured service: where it is, and the keep-alive connections the gateway keeps open to it. */
export interface Upstream {
  readonly service: ServiceName;
  /** `http://host:port`, what the pool connects to. */
  readonly origin: string;
  /** Path the service is mounted under, without a trailing slash ('' for most). */
  readonly basePath: string;
  readonly pool: Pool;
  /**
   * Health checks have their own two connections: behind a busy pool's queue a check would time out and
   * report a healthy service as down just when traffic is highest.
   */
  readonly healthPool: Pool;
}

export interface UpstreamOptions {
  connections: number;
  timeoutMs: number;
}

/**
 * The services behind the gateway. REST calls, subgraph fetches and health checks share one pool per service,
 * so a busy gateway reuses warm connections instead of paying a TCP handshake per call.
 */
export class Upstreams implements OnApplicationShutdown {
  private readonly byService = new Map<ServiceName, Upstream>();

  constructor(
    urls: Partial<Record<ServiceName, string>>,
    readonly options: UpstreamOptions,
  ) {
    for (const [service, url] of Object.entries(urls) as [ServiceName, string][]) {
      const parsed = new URL(url);
      const pool = new Pool(parsed.origin, {
        connections: options.connections,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      const healthPool = new Pool(parsed.origin, { connections: 2 });
      this.byService.set(service, { service, origin: parsed.origin, basePath: parsed.pathname.replace(/\/+$/, ''), pool, healthPool });
    }
  }

  static fromConfig(config: GatewayConfig): Upstreams {
    return new Upstreams(serviceUrlsOf(config), {
      connections: config.GATEWAY_UPSTREAM_CONNECTIONS,
      timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
    });
  }

  get(service: ServiceName): Upstream | undefined {
    return this.byService.get(service);
  }

  all(): Upstream[] {
    return [...this.byService.values()];
  }

  /** Waits for calls in flight, then closes the connections (Nest calls this after the server stopped accepting). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().flatMap((u) => [u.pool.close(), u.healthPool.close()]));
  }
}
