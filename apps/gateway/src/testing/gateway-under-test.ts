import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { loadGatewayConfig } from '../config';
import { createGatewayApp } from '../gateway-app';
import { writeTestSupergraph } from './fake-service';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // Tests read answers of many shapes; typing each one would only restate the assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: () => any;
}

export interface GatewayUnderTest {
  url: string;
  app: NestFastifyApplication;
  call(method: string, path: string, init?: { headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply>;
  graphql(query: string, init?: { variables?: Record<string, unknown>; headers?: Record<string, string> }): Promise<Reply>;
  close(): Promise<void>;
}

/** Boots the real gateway (same factory as main.ts) on a random port, with a freshly composed supergraph. */
export async function startGateway(env: Record<string, string>): Promise<GatewayUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-'));
  const supergraph = join(dir, 'supergraph.graphql');
  writeTestSupergraph(supergraph);
  const config = loadGatewayConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SUPERGRAPH_PATH: supergraph, ...env });
  const app = await createGatewayApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const client = new Agent({ keepAliveTimeout: 1_000 });

  const call: GatewayUnderTest['call'] = async (method, path, init = {}) => {
    // `path` goes out as written (no URL normalisation), so tests can send what a hostile client would.
    const response = await client.request({ origin: url, path, method: method as never, headers: init.headers, body: init.body });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text, json: () => JSON.parse(text) };
  };

  return {
    url,
    app,
    call,
    graphql: (query, init = {}) =>
      call('POST', '/graphql', {
        headers: { 'content-type': 'application/json', ...init.headers },
        body: JSON.stringify({ query, variables: init.variables }),
      }),
    close: async () => {
      await client.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
