import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { Upstreams } from '../routing/upstreams';
import { ServiceDocuments } from './service-documents';

const documentOf = (path: string) => ({ openapi: '3.0.0', info: { title: path, version: '1' }, paths: { [path]: {} } });

/** A service's OpenAPI endpoint whose answer the test changes; records the headers of each call. */
async function fakeService(port = 0) {
  const state = { status: 200, body: documentOf('/api/v1/customers') as object, seen: [] as IncomingHttpHeaders[] };
  const app: FastifyInstance = Fastify();
  app.get('/api/docs/openapi.json', async (request, reply) => {
    state.seen.push(request.headers);
    return reply.code(state.status).send(state.body);
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { state, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
}

const freePort = () =>
  new Promise<number>((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => ok(port));
    });
  });

describe('ServiceDocuments', () => {
  it('reads each service\'s document straight from it, waits for a late one, and keeps the last good one', async () => {
    const customers = await fakeService();
    const campaignsPort = await freePort();
    const upstreams = new Upstreams({ customers: customers.url, campaigns: `http://127.0.0.1:${campaignsPort}` }, { connections: 2, timeoutMs: 1_000 });
    const documents = new ServiceDocuments(upstreams.all(), { timeoutMs: 1_000 });
    let campaigns: Awaited<ReturnType<typeof fakeService>> | undefined;
    try {
      // campaigns is not up yet: customers' document is in hand, the set is not complete.
      expect(await documents.refresh()).toBe(true);
      expect(documents.current().map((d) => d.service)).toEqual(['customers']);
      expect(documents.complete()).toBe(false);
      expect(documents.version).toBe(1);
      // A direct call: nothing that would make the service's production surface take it for a proxied one.
      expect(customers.state.seen[0]['x-forwarded-for']).toBeUndefined();
      expect(customers.state.seen[0].via).toBeUndefined();

      campaigns = await fakeService(campaignsPort);
      campaigns.state.body = documentOf('/api/v1/meetings');
      expect(await documents.refresh()).toBe(true);
      expect(documents.complete()).toBe(true);
      expect(documents.current().map((d) => Object.keys(d.document.paths)[0])).toEqual(['/api/v1/customers', '/api/v1/meetings']);

      // Nothing new: no change. A failing or broken answer: the last good document stays.
      expect(await documents.refresh()).toBe(false);
      customers.state.status = 500;
      expect(await documents.refresh()).toBe(false);
      customers.state.status = 200;
      customers.state.body = { not: 'a document' };
      expect(await documents.refresh()).toBe(false);
      expect(documents.version).toBe(2);
      expect(Object.keys(documents.current()[0].document.paths)).toEqual(['/api/v1/customers']);

      // A changed document replaces the old one.
      customers.state.body = documentOf('/api/v1/employees');
      expect(await documents.refresh()).toBe(true);
      expect(documents.version).toBe(3);
      expect(Object.keys(documents.current()[0].document.paths)).toEqual(['/api/v1/employees']);
    } finally {
      await upstreams.onApplicationShutdown();
      await customers.close();
      await campaigns?.close();
    }
  });
});
