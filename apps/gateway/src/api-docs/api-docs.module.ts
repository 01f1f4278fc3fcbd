import { Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CommonErrors, PROBLEM_CONTENT_TYPE, toProblem } from '@crm/errors';
import { GATEWAY_CONFIG, GatewayConfig, isProduction } from '../config';
import { ROUTES } from '../routing/route-table';
import { Upstreams } from '../routing/upstreams';
import { composeOpenApi } from './compose-openapi';
import { ServiceDocuments } from './service-documents';
import { DOCUMENT_PATH, registerSwaggerUi } from './swagger-ui';

/** How often the services' documents are read again once all are in hand, and while one is missing. */
export const REFRESH_MS = 5 * 60_000;
export const RETRY_MS = 5_000;
const FETCH_TIMEOUT_MS = 3_000;

/**
 * The suite's one OpenAPI document at `GET /api/docs/openapi.json` and Swagger UI at `GET /api/docs`, composed at
 * run time from the services' own documents (docs/api/partners.md "The OpenAPI document"): read at start and
 * every few minutes, the last good one of each service kept. Public in production too: it describes the public
 * API, while each service's own document stays inside the cluster (@crm/http production-surface.ts).
 */
@Injectable()
export class ApiDocs implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly documents: ServiceDocuments;
  private composed: { version: number; json: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    upstreams: Upstreams,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.documents = new ServiceDocuments(upstreams.all(), { timeoutMs: FETCH_TIMEOUT_MS });
  }

  onModuleInit(): void {
    registerSwaggerUi(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), (reply) => this.answer(reply));
  }

  onApplicationBootstrap(): void {
    // The services may still be starting: the first round is not awaited, and is retried soon until complete.
    void this.refresh().then(() => this.schedule());
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * The composed document, as it would be answered now: with none in hand yet the services are asked first, and a
   * round under way is waited for; a service that stays down does not hold up the others' description.
   */
  async document(): Promise<string | undefined> {
    if (this.documents.current().length === 0) await this.refresh();
    else await this.documents.settled();
    const version = this.documents.version;
    if (this.composed?.version !== version && this.documents.current().length > 0) {
      const document = composeOpenApi(this.documents.current(), { routes: ROUTES, production: isProduction(this.config) });
      this.composed = { version, json: JSON.stringify(document) };
    }
    return this.composed?.json;
  }

  private async refresh(): Promise<void> {
    await this.documents.refresh();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.refresh().then(() => this.schedule()), this.documents.complete() ? REFRESH_MS : RETRY_MS);
    this.timer.unref();
  }

  private async answer(reply: FastifyReply): Promise<unknown> {
    const document = await this.document();
    if (document === undefined) {
      const error = CommonErrors.SERVICE_UNAVAILABLE('No service has described its API to the gateway yet');
      return reply.code(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(toProblem(error, DOCUMENT_PATH, String(reply.request.id))));
    }
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(document);
  }
}

@Module({ providers: [ApiDocs] })
export class ApiDocsModule {}
