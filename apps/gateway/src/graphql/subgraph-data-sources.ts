import { GraphQLDataSource, RemoteGraphQLDataSource, ServiceEndpointDefinition } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { fetch } from 'undici';
import { REQUEST_ID_HEADER } from '@crm/logging';
import { appendVia } from '../routing/proxy-headers';
import { SERVICES, ServiceName } from '../routing/route-table';
import { Upstream, Upstreams } from '../routing/upstreams';

/** Caller headers a subgraph needs: services authenticate every call themselves (zero trust). */
const FORWARDED = ['authorization', 'x-api-key', 'accept-language'];

interface IncomingRequest {
  id?: unknown;
  headers?: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string };
  /** The caller's address as the gateway trusts it (Fastify's `request.ip`, honouring TRUST_PROXY). */
  ip?: string;
}

/**
 * Sends the gateway's subgraph fetches over the service's keep-alive pool, with the caller's credentials and
 * the request id, so one request id ties the gateway's and every service's log lines together.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<{ req?: IncomingRequest }> {
  constructor(private readonly upstream: Upstream) {
    super({
      url: `${upstream.origin}${upstream.basePath}/graphql`,
      fetcher: (url, init) => fetch(url, { ...init, dispatcher: upstream.pool }) as unknown as Promise<FetcherResponse>,
    });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource['willSendRequest']>>[0]): void {
    const req = (context as { req?: IncomingRequest }).req;
    const headers = request.http?.headers;
    if (!req || !headers) return;
    for (const name of FORWARDED) {
      const value = req.headers?.[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    if (req.id !== undefined) headers.set(REQUEST_ID_HEADER, String(req.id));
    const remote = req.socket?.remoteAddress;
    const prior = req.headers?.['x-forwarded-for'];
    if (remote) headers.set('x-forwarded-for', typeof prior === 'string' && prior ? `${prior}, ${remote}` : remote);
    headers.set('via', appendVia(req.headers?.via));
    // As for REST (proxy-headers.ts): the one address a service acts on, the gateway's word, never the caller's.
    const client = req.ip ?? remote;
    if (client) headers.set('x-real-ip', client);
    else headers.delete('x-real-ip');
  }

  /**
   * A subgraph that cannot be reached, times out or answers a bare HTTP error becomes an error with a code the
   * caller can act on (the same codes REST uses), never "fetch failed" with the service's internal URL.
   */
  override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse): never {
    const service = this.upstream.service;
    if (response) {
      const { extensions = {} } = error as Partial<GraphQLError>;
      const body = (extensions.response as { body?: unknown } | undefined)?.body as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
      const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
      const code = first?.extensions?.code ?? (extensions.code as string | undefined) ?? (response.status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'BAD_REQUEST');
      throw new GraphQLError(first?.message ?? `The ${service} service answered ${response.status}`, { extensions: { code, status: response.status } });
    }
    const cause = (error as { cause?: { code?: string; name?: string } }).cause;
    const timedOut = /TIMEOUT/.test(cause?.code ?? '') || cause?.name === 'TimeoutError';
    throw new GraphQLError(
      timedOut ? `The ${service} service did not answer in time` : `The ${service} service could not be reached`,
      { extensions: { code: timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', serviceName: service } },
    );
  }
}

/**
 * A subgraph in the supergraph whose service this gateway has no URL for yet: its fields resolve to a
 * SERVICE_UNAVAILABLE error (the rest of the operation still answers), like its REST routes answer 503.
 */
export class UnavailableDataSource implements GraphQLDataSource {
  constructor(private readonly service: string) {}

  async process(): ReturnType<GraphQLDataSource['process']> {
    return {
      errors: [
        {
          message: `The ${this.service} service is not deployed behind this gateway`,
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    };
  }
}

/** The gateway's `buildService`: the URL in the supergraph is a placeholder; config says where services are. */
export function dataSourceBuilder(upstreams: Upstreams) {
  return ({ name }: ServiceEndpointDefinition): GraphQLDataSource => {
    const upstream = (SERVICES as readonly string[]).includes(name) ? upstreams.get(name as ServiceName) : undefined;
    return upstream ? new ForwardingDataSource(upstream) : new UnavailableDataSource(name);
  };
}
