import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { accessLogHook, createLogger, JsonLogger, REQUEST_ID_HEADER, requestContext, requestIdFrom } from '@crm/logging';
import { AppModule } from './app.module';
import { GatewayConfig } from './config';
import { installEdge } from './edge/edge';
import { trustProxyOf } from './edge/trust-proxy';

/** Largest GraphQL request body; REST bodies are streamed to the services, which apply their own limits. */
const GRAPHQL_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the gateway on Fastify, with JSON logs and the request id: a sane `x-request-id` from the caller is
 * kept, otherwise one is made; it is echoed on the response and sent to every service the request reaches.
 */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const pino = createLogger('gateway', config.LOG_LEVEL);
  const logger = new JsonLogger(pino);
  const adapter = new FastifyAdapter({
    bodyLimit: GRAPHQL_BODY_LIMIT_BYTES,
    // X-Forwarded-For decides the caller's address (rate limits, logs) only behind the proxies ops name.
    // (Fastify takes a hop count too; the adapter's type only lists the other forms.)
    trustProxy: trustProxyOf(config.TRUST_PROXY) as boolean | string[],
    return503OnClosing: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger, bufferLogs: false });
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });
  app.getHttpAdapter().getInstance().addHook('onResponse', accessLogHook(pino));
  // Security headers and rate limits, before any route is added (edge/edge.ts).
  await installEdge(app.getHttpAdapter().getInstance(), config);
  app.enableShutdownHooks();
  return app;
}
