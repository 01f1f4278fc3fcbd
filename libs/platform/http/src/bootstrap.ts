import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { RawServerDefault } from 'fastify';
import { Authenticator, isEmployee, Role } from '@crm/auth';
import { ClockSync } from '@crm/clock';
import { accessLogHook, createLogger, JsonLogger, LogLevel, REQUEST_ID_HEADER, requestContext, requestIdFrom } from '@crm/logging';
import { operationIdOf, ProblemView, withCommonProblems } from './openapi';
import { guardProductionSurface, ServiceSurface } from './production-surface';
import { DOCS_CSP, isDocsPath, registerSecurityHeaders } from './security-headers';
import { withIdempotencyKeys } from './idempotency/idempotency.openapi';
import { createValidationPipe } from './validation';

export interface ServiceAppOptions {
  /** Service name, as in logs and OpenAPI. */
  name: string;
  logLevel: LogLevel;
  /** Largest accepted body; archive batches are the large ones. */
  bodyLimitBytes?: number;
  openApi?: { title: string; description: string; version?: string };
}

/**
 * Builds a service on the Fastify adapter with what every service shares: JSON logs carrying the request id,
 * security headers, the validation pipe, CSV bodies, OpenAPI at /api/docs (in production only inside the
 * cluster or to an ADMIN), and the moved clock honoured on every request.
 */
export async function createServiceApp(module: Type<unknown> | ReturnType<typeof Object>, options: ServiceAppOptions): Promise<NestFastifyApplication> {
  const logger = new JsonLogger(createLogger(options.name, options.logLevel));
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: true,
    return503OnClosing: true,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as Type<unknown>, adapter, { logger, bufferLogs: false });
  configureServiceApp(app, options);
  return app;
}

/** A provider of the platform when the app has it (tests may build an app without part of it). */
function optional<T>(app: NestFastifyApplication, token: Type<T>): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined;
  }
}

export function configureServiceApp(app: NestFastifyApplication, options: ServiceAppOptions): void {
  const fastify = app.getHttpAdapter().getInstance();

  // First, so every route gets them; Swagger UI's pages get the CSP they need (security-headers.ts).
  registerSecurityHeaders(fastify, { pages: [{ matches: isDocsPath, csp: DOCS_CSP }] });
  if (optional(app, ServiceSurface)?.production) {
    const authenticator = optional(app, Authenticator);
    guardProductionSurface(fastify, async (headers) => {
      if (!authenticator) return false;
      const caller = await authenticator.authenticate(headers);
      return isEmployee(caller) && caller.role === Role.ADMIN;
    });
  }

  // The request id enters an async context here, so every log line, outbox row and outgoing call of this
  // request carries it.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    requestContext.run({ requestId: String(request.id) }, done);
  });
  fastify.addHook('onResponse', accessLogHook(createLogger(options.name, options.logLevel)));
  const clockSync = app.get(ClockSync, { strict: false });
  if (clockSync?.movable) fastify.addHook('onRequest', async () => clockSync.refresh());

  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // An action without a body (confirm, check in) sent with `Content-Type: application/json` and nothing after it
  // is a bodiless request, not malformed JSON: many HTTP clients set the header on every POST. Anything else goes
  // to Fastify's own parser, which refuses prototype poisoning.
  const json = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (req, body, done) => (body.length === 0 ? done(null, {}) : json(req, body.toString('utf8'), done)));

  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  if (options.openApi) {
    const document = SwaggerModule.createDocument(
      app as unknown as INestApplication,
      new DocumentBuilder()
        .setTitle(options.openApi.title)
        .setDescription(options.openApi.description)
        .setVersion(options.openApi.version ?? '1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'employee')
        .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'partner')
        .addSecurityRequirements('employee')
        .addSecurityRequirements('partner')
        .build(),
      { operationIdFactory: operationIdOf, extraModels: [ProblemView] },
    );
    withIdempotencyKeys(withCommonProblems(document));
    SwaggerModule.setup('api/docs', app as unknown as INestApplication, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }
}

/** Starts listening on all interfaces; containers and the gateway reach the service by its port. */
export async function listen(app: NestFastifyApplication, port: number): Promise<void> {
  await app.listen({ port, host: '0.0.0.0' });
}
