import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, CommonErrors, PROBLEM_CONTENT_TYPE, toProblem } from '@crm/errors';
import { REQUEST_ID_HEADER } from '@crm/logging';
import { ServiceName } from './route-table';
import { Upstream, Upstreams } from './upstreams';

/** The path the gateway answers itself (P-3), before its REST proxy. */
export const EXPORT_ROUTE = '/api/v1/customers/:id/export';

/** The services whose sections follow customers' own, in the document's order. */
const OTHER_SECTIONS: readonly ServiceName[] = ['campaigns', 'rewards', 'complaints', 'service-visits'];

/** Headers a section request carries: the caller's credentials (each service checks them itself) and the request id. */
const FORWARDED = ['authorization', 'x-api-key', 'accept-language'] as const;

interface SectionAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

/**
 * `GET /api/v1/customers/{id}/export` (P-3): one document with what every service holds about a customer.
 * customers answers first with the caller's credentials; its refusal (401/403/404/400) is the answer as it
 * is. The other four are then asked at once; each section is that service's `data`. A service that is not
 * deployed, cannot be reached or fails answers the whole request 503 SERVICE_UNAVAILABLE naming it: never a
 * partial document. Each service audits the export itself. `exportedAt` is customers' time of the export (the
 * suite's clock; the gateway keeps none).
 */
export async function registerPersonalDataExport(fastify: FastifyInstance, upstreams: Upstreams): Promise<void> {
  const logger = new Logger('PersonalDataExport');

  const ask = async (upstream: Upstream, customerId: string, request: FastifyRequest): Promise<SectionAnswer> => {
    const headers: Record<string, string> = { accept: 'application/json', [REQUEST_ID_HEADER]: String(request.id) };
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await upstream.pool.request({
      method: 'GET',
      path: `${upstream.basePath}/api/v1/personal-data/${encodeURIComponent(customerId)}`,
      headers,
    });
    const contentType = response.headers['content-type'];
    return { status: response.statusCode, contentType: typeof contentType === 'string' ? contentType : undefined, text: await response.body.text() };
  };

  const unavailable = (service: ServiceName, why: string) =>
    CommonErrors.SERVICE_UNAVAILABLE(`The ${service} service could not give its part of the export (${why})`, { service });

  const section = async (service: ServiceName, customerId: string, request: FastifyRequest): Promise<unknown> => {
    const upstream = upstreams.get(service);
    if (!upstream) throw unavailable(service, 'not deployed behind this gateway');
    let answer: SectionAnswer;
    try {
      answer = await ask(upstream, customerId, request);
    } catch (error) {
      logger.warn(`export of a customer: ${service} failed: ${(error as { code?: string }).code ?? 'UNKNOWN'}`);
      throw unavailable(service, 'no answer');
    }
    if (answer.status !== 200) throw unavailable(service, `it answered ${answer.status}`);
    try {
      return (JSON.parse(answer.text) as { data?: unknown }).data ?? null;
    } catch {
      throw unavailable(service, 'not JSON');
    }
  };

  fastify.get<{ Params: { id: string } }>(EXPORT_ROUTE, async (request, reply) => {
    const customerId = request.params.id;
    const path = request.url.split('?')[0];
    const customers = upstreams.get('customers');
    if (!customers) return problem(reply, unavailable('customers', 'not deployed behind this gateway'), path, request);
    let first: SectionAnswer;
    try {
      first = await ask(customers, customerId, request);
    } catch {
      return problem(reply, unavailable('customers', 'no answer'), path, request);
    }
    // Who may export, and whether the customer exists, is customers' to say: its refusal is the answer.
    if (first.status !== 200) {
      if (first.status >= 500) return problem(reply, unavailable('customers', `it answered ${first.status}`), path, request);
      return reply.code(first.status).header('content-type', first.contentType ?? PROBLEM_CONTENT_TYPE).send(first.text);
    }
    const own = JSON.parse(first.text) as { data?: unknown; exportedAt?: string };
    const sections: Record<string, unknown> = { customers: own.data ?? null };
    try {
      const others = await Promise.all(OTHER_SECTIONS.map((service) => section(service, customerId, request)));
      OTHER_SECTIONS.forEach((service, i) => (sections[service] = others[i]));
    } catch (error) {
      return problem(reply, error as AppError, path, request);
    }
    return reply
      .code(200)
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ customerId, exportedAt: own.exportedAt ?? null, sections }));
  });
}

function problem(reply: FastifyReply, error: AppError, path: string, request: FastifyRequest): FastifyReply {
  return reply.code(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(toProblem(error, path, String(request.id))));
}
