import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerPersonalDataExport } from './personal-data-export';
import { registerRestProxy, REST_PREFIX } from './rest-proxy';
import { compileRoutes, ROUTES } from './route-table';
import { Upstreams } from './upstreams';

/** Puts the REST proxy on the gateway's Fastify instance while Nest initialises, before it listens. */
@Injectable()
export class RestProxyRegistrar implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly upstreams: Upstreams,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // P-3's export is assembled here from every service's part; a more specific route than the proxy's wildcard.
    await registerPersonalDataExport(fastify, this.upstreams);
    const exactPaths = ROUTES.map((r) => r.prefix).filter((prefix) => !prefix.startsWith(`${REST_PREFIX}/`));
    await registerRestProxy(fastify, { match: compileRoutes(ROUTES), upstreams: this.upstreams, exactPaths });
  }
}

@Module({ providers: [RestProxyRegistrar] })
export class RoutingModule {}
