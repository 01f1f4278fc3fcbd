import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from 'undici';
import { AppError, CommonErrors, PROBLEM_CONTENT_TYPE, toProblem } from '@crm/errors';
import { GatewayErrors } from './gateway-errors';
import { downstreamResponseHeaders, hasBody, upstreamRequestHeaders } from './proxy-headers';
import { pathOf, RouteMatch } from './route-table';
import { Upstreams } from './upstreams';

export const REST_PREFIX = '/api/v1';

export interface RestProxyOptions {
  match: (path: string) => RouteMatch;
  upstreams: Upstreams;
  /** Paths outside /api/v1 that the table routes too (e.g. `/.well-known/jwks.json`). */
  exactPaths?: readonly string[];
}

/** Bodies up to this size are buffered rather than streamed back (see below). */
const SMALL_BODY_BYTES = 64 * 1024;

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * REST under /api/v1 goes to the service that owns the path, byte for byte: the request body is streamed,
 * never parsed, and the service's status, headers and body come back unchanged. The gateway only speaks for
 * itself when there is no route (404), the owner is not deployed (503) or does not answer (502/504).
 *
 * Registered as a plain Fastify route in its own encapsulated context rather than a Nest controller: no body
 * parser, pipe or interceptor stands between the socket and the upstream, so going through the gateway costs
 * little more than calling the service directly.
 */
export async function registerRestProxy(fastify: FastifyInstance, options: RestProxyOptions): Promise<void> {
  const logger = new Logger('RestProxy');

  await fastify.register(async (scope) => {
    // The body stays an unread stream: every content type, JSON included, is passed through untouched.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const url = request.raw.url ?? request.url;
      const path = pathOf(url);
      const route = options.match(path);
      if (!route) return problem(reply, CommonErrors.NOT_FOUND(`No API route for ${request.method} ${path}`), path, request);
      const upstream = options.upstreams.get(route.service);
      if (!upstream) {
        return problem(reply, CommonErrors.SERVICE_UNAVAILABLE(`The ${route.service} service is not deployed behind this gateway`, { service: route.service }), path, request);
      }

      const failed = (error: unknown) => {
        const code = (error as { code?: string }).code ?? 'UNKNOWN';
        logger.warn(`${request.method} ${path} → ${route.service} failed: ${code}`);
        const appError = TIMEOUT_CODES.has(code)
          ? GatewayErrors.UPSTREAM_TIMEOUT(`The ${route.service} service did not answer in time`, { service: route.service })
          : GatewayErrors.UPSTREAM_UNAVAILABLE(`The ${route.service} service could not be reached`, { service: route.service });
        return problem(reply, appError, path, request);
      };

      let response: Dispatcher.ResponseData;
      try {
        response = await upstream.pool.request({
          method: request.method as Dispatcher.HttpMethod,
          path: upstream.basePath + url,
          headers: upstreamRequestHeaders(request.headers, {
            requestId: String(request.id),
            remoteAddress: request.raw.socket.remoteAddress,
            clientAddress: request.ip,
            protocol: request.protocol,
          }),
          body: hasBody(request.headers) ? request.raw : null,
        });
      } catch (error) {
        return failed(error);
      }

      const headers = downstreamResponseHeaders(response.headers);
      // These answers have no body by definition; reading the (empty) stream frees the connection for reuse.
      if (request.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304) {
        await response.body.dump();
        return reply.code(response.statusCode).headers(headers).send();
      }
      // Most answers are small JSON: read whole, they leave in one write with their headers instead of a
      // write per chunk, and a service failing mid-body still gets a clean 502. Large or unsized bodies
      // (CSV, long lists) are streamed as they come.
      if (Number(response.headers['content-length']) <= SMALL_BODY_BYTES) {
        let payload: Buffer;
        try {
          payload = Buffer.from(await response.body.arrayBuffer());
        } catch (error) {
          return failed(error);
        }
        return reply.code(response.statusCode).headers(headers).send(payload);
      }
      return reply.code(response.statusCode).headers(headers).send(response.body);
    };

    scope.all(REST_PREFIX, handler);
    scope.all(`${REST_PREFIX}/*`, handler);
    // Table rows outside /api/v1 (the JWKS) are exact paths, read-only.
    for (const path of options.exactPaths ?? []) scope.route({ method: ['GET', 'HEAD'], url: path, handler, exposeHeadRoute: false });
  });
}

function problem(reply: FastifyReply, error: AppError, path: string, request: FastifyRequest): FastifyReply {
  return reply.code(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(toProblem(error, path, String(request.id))));
}
