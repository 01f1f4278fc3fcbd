import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { composeServices } from '@apollo/composition';
import Fastify, { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError, parse } from 'graphql';

/**
 * Test doubles for the gateway's integration tests: real HTTP servers on random ports, not mocks. A fake
 * service answers like a real one on one port: a federation subgraph at /graphql (@apollo/subgraph on
 * @apollo/server), /health, and REST under /api/v1 that echoes what it received.
 */

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

export const CUSTOMERS_SDL = `${LINK}
type Customer @key(fields: "id") {
  id: ID!
  name: String
  referrer: Customer
  tags: [String!]!
  boom: String
}
type CustomerEdge { node: Customer! }
type CustomerConnection { edges: [CustomerEdge!]! }
type Query {
  customer(id: ID!): Customer
  customers(first: Int): CustomerConnection!
}
`;

/** A second subgraph, in the supergraph but never deployed: the gateway has no URL for it. */
export const REWARDS_SDL = `${LINK}
type Customer @key(fields: "id") { id: ID! points: PointsAccount }
type PointsAccount { balance: Int! }
type Query { pointsAccount(customerId: ID!): PointsAccount }
`;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeService {
  url: string;
  port: number;
  /** Every request that reached the service, newest last. */
  seen: SeenRequest[];
  /** What /health answers: a status, or a delay in ms before a 200. */
  health: { status: number; delayMs: number };
  /** What `GET /.well-known/jwks.json` answers (customers publishes its token keys there). */
  jwks: { keys: object[] };
  close(): Promise<void>;
}

const customer = (id: string) => ({ id, name: `Customer ${id}`, tags: ['a', 'b'] });

export async function startFakeService(): Promise<FakeService> {
  const seen: SeenRequest[] = [];
  const health = { status: 200, delayMs: 0 };
  const jwks: { keys: object[] } = { keys: [] };
  const app: FastifyInstance = Fastify({ keepAliveTimeout: 10_000 });

  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(CUSTOMERS_SDL),
      resolvers: {
        Query: {
          customer: (_: unknown, { id }: { id: string }) => customer(id),
          customers: (_: unknown, { first }: { first?: number }) => ({
            edges: Array.from({ length: Math.min(first ?? 10, 5) }, (_x, i) => ({ node: customer(String(i + 1)) })),
          }),
        },
        Customer: {
          __resolveReference: (ref: { id: string }) => customer(ref.id),
          referrer: (c: { id: string }) => customer(`${c.id}-ref`),
          boom: () => {
            throw new GraphQLError('boom in the subgraph', { extensions: { code: 'BOOM' } });
          },
        },
      },
    }),
    // A careless subgraph: the gateway must not pass its stack traces on in production.
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: async (request) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: JSON.stringify(request.body ?? null) });
    },
    // The integration types its route generics its own way; the handler is an ordinary one.
    handler: fastifyApolloHandler(apollo) as unknown as RouteHandlerMethod,
  });

  app.get('/health', async (_request, reply) => {
    if (health.delayMs) await new Promise((r) => setTimeout(r, health.delayMs));
    return reply.code(health.status).send({ status: health.status === 200 ? 'ok' : 'unavailable' });
  });

  app.get('/.well-known/jwks.json', async (request, reply) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers, body: '' });
    return reply.header('cache-control', 'public, max-age=300').send(jwks);
  });

  await app.register(async (rest) => {
    // REST bodies are echoed as the bytes that arrived.
    rest.removeAllContentTypeParsers();
    rest.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    rest.all('/api/v1/*', async (request, reply) => {
      const body = typeof request.body === 'string' ? request.body : '';
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      const path = request.url.split('?')[0];
      if (path === '/api/v1/customers/missing') {
        return reply
          .code(404)
          .header('content-type', 'application/problem+json')
          .send('{"type":"urn:crm:problem:customer-not-found","title":"Customer not found","status":404,"detail":"no customer missing","code":"CUSTOMER_NOT_FOUND"}');
      }
      // P-3: a service's part of a personal-data export (the gateway assembles them).
      if (path.startsWith('/api/v1/personal-data/')) {
        const customerId = path.slice('/api/v1/personal-data/'.length);
        if (customerId === 'missing') {
          return reply
            .code(404)
            .header('content-type', 'application/problem+json')
            .send('{"title":"Customer not found","status":404,"detail":"no customer missing","code":"CUSTOMER_NOT_FOUND"}');
        }
        if (customerId === 'broken') return reply.code(500).send({ status: 500 });
        return reply.send({ service: 'fake', customerId, exportedAt: '2026-03-01T10:00:00.000Z', data: { authorization: request.headers.authorization ?? null, apiKey: request.headers['x-api-key'] ?? null } });
      }
      if (path === '/api/v1/customers/slow') {
        await new Promise((r) => setTimeout(r, 1_500));
        return reply.send({ late: true });
      }
      if (path === '/api/v1/customers/nothing') return reply.code(204).send();
      if (request.method === 'POST' && path === '/api/v1/customers') {
        return reply
          .code(201)
          .header('location', '/api/v1/customers/c-1')
          .header('set-cookie', ['a=1', 'b=2'])
          .header('x-service', 'customers')
          .send({ id: 'c-1' });
      }
      return reply.header('x-service', 'customers').send({
        method: request.method,
        url: request.url,
        contentType: request.headers['content-type'] ?? null,
        bodyLength: Buffer.byteLength(body),
        body: body.length <= 10_000 ? body : undefined,
      });
    });
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    health,
    jwks,
    close: () => (closed ??= app.close().then(() => apollo.stop())),
  };
}

/** Composes the test supergraph (customers + a rewards subgraph nobody serves) into `file`. */
export function writeTestSupergraph(file: string): void {
  const result = composeServices([
    { name: 'customers', url: 'http://customers:4001/graphql', typeDefs: parse(CUSTOMERS_SDL) },
    { name: 'rewards', url: 'http://rewards:4003/graphql', typeDefs: parse(REWARDS_SDL) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  writeFileSync(file, result.supergraphSdl);
}
