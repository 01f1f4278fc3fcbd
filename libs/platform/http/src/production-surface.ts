import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { CommonErrors, PROBLEM_CONTENT_TYPE, toProblem } from '@crm/errors';
import { isDocsPath } from './security-headers';

/** Whether the service runs in production; provided by PlatformModule, read by the bootstrap. */
export class ServiceSurface {
  constructor(readonly production: boolean) {}
}

/**
 * Headers a proxy adds on its way in: the gateway always sends X-Forwarded-For and Via, an ingress or load
 * balancer X-Forwarded-For, X-Real-IP or Forwarded. A call without any of them came straight to the service's
 * port, which only the cluster reaches (NetworkPolicies; docker-compose publishes no service port).
 */
const PROXY_HEADERS = ['x-forwarded-for', 'via', 'forwarded', 'x-real-ip'] as const;

export function cameThroughProxy(headers: IncomingHttpHeaders): boolean {
  return PROXY_HEADERS.some((name) => headers[name] !== undefined);
}

/** Answers whether the caller's credentials are an ADMIN's (the service's own authentication). */
export type AdminCheck = (headers: IncomingHttpHeaders) => Promise<boolean>;

const SERVICE_FIELD = '_service';

/** Whether a GraphQL document selects the federation `_service` field (the subgraph's SDL), aliased or not. */
export function selectsSubgraphSdl(query: string): boolean {
  // Cheap test first: a document that does not name the field cannot select it.
  if (!query.includes(SERVICE_FIELD)) return false;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false; // not GraphQL: Apollo refuses it on its own
  }
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === SERVICE_FIELD) found = true;
    },
  });
  return found;
}

function graphQLQueryOf(request: FastifyRequest): string | undefined {
  const body = request.body as { query?: unknown } | undefined;
  if (body && typeof body.query === 'string') return body.query;
  const query = (request.query as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' ? query : undefined;
}

/**
 * The production surface of a service (docs/api/ops.md "Production surface"): its OpenAPI document and Swagger
 * UI (`/api/docs…`) and its subgraph SDL (`_service { sdl }`) answer a call that came straight to the service's
 * port (inside the cluster), and a call through a proxy only when it carries an ADMIN's credentials. Anyone
 * else is told the docs do not exist (404) and that `_service` is forbidden (403); nothing else changes.
 */
export function guardProductionSurface(fastify: FastifyInstance, isAdmin: AdminCheck): void {
  const allowed = async (request: FastifyRequest) => !cameThroughProxy(request.headers) || (await isAdmin(request.headers).catch(() => false));

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.raw.url ?? request.url).split('?')[0];
    if (!isDocsPath(path) || (await allowed(request))) return;
    const error = CommonErrors.NOT_FOUND(`No route for ${request.method} ${path}`);
    return reply.code(404).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(toProblem(error, path, String(request.id))));
  });

  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.url !== '/graphql') return;
    const query = graphQLQueryOf(request);
    if (query === undefined || !selectsSubgraphSdl(query) || (await allowed(request))) return;
    const body = {
      errors: [
        {
          message: 'The subgraph schema is served inside the cluster, or to an ADMIN',
          extensions: { code: 'FORBIDDEN', status: 403 },
        },
      ],
    };
    return reply.code(403).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  });
}
