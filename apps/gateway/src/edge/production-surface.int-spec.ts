import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Global, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DataSource } from 'typeorm';
import { Public } from '@crm/auth';
import { configureServiceApp, PlatformModule, subgraphModule } from '@crm/http';
import { dropRedisPrefix, scratchDatabase, scratchRedisPrefix, testRedisUrl, type ScratchDatabase } from '@crm/testing';
import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, startGateway } from '../testing/gateway-under-test';

@Controller('api/v1/things')
class ThingsController {
  @Public()
  @Get()
  list() {
    return { items: [], nextCursor: null };
  }
}

/** A path the gateway routes to customers, so the composed document has something of this service. */
@Controller('api/v1/customers')
class CustomersController {
  @Public()
  @Get()
  list() {
    return { items: [], nextCursor: null };
  }
}

@Resolver()
class PingResolver {
  @Public()
  @Query(() => String)
  ping() {
    return 'pong';
  }
}

/** A service as @crm/http builds every one of them (platform, subgraph, OpenAPI), with one REST and one GraphQL operation. */
async function startService(production: boolean, db: ScratchDatabase, redisPrefix: string, jwksUrl: string) {
  const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { options: '-c search_path=customers', max: 2 } });
  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
  class DatabaseModule {}
  const root: DynamicModule = {
    module: class ServiceModule {},
    imports: [
      DatabaseModule,
      PlatformModule.forService({ production, redisUrl: testRedisUrl(), redisPrefix, issuer: 'crm-suite', jwksUrl, rateLimitPerMinute: 600 }),
      subgraphModule({ production }),
    ],
    controllers: [ThingsController, CustomersController],
    providers: [PingResolver],
  };
  await dataSource.initialize();
  const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(), { logger: false });
  configureServiceApp(app, { name: 'things', logLevel: 'silent', openApi: { title: 'Things', description: 'test' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return { url, call, close: async () => (await app.close(), await dataSource.destroy()) };
}

describe('the production surface: OpenAPI and the subgraph SDL', () => {
  let db: ScratchDatabase;
  let jwks: FakeService;
  const redisPrefix = scratchRedisPrefix();
  let sign: (role: string) => Promise<string>;
  let service: Awaited<ReturnType<typeof startService>>;
  let gateway: GatewayUnderTest;

  const SDL_QUERY = { query: '{ _service { sdl } }' };
  const ALIASED_SDL_QUERY = { query: 'query Q { schema: _service { sdl } }' };
  const forwarded = { 'x-forwarded-for': '203.0.113.9', via: '1.1 crm-gateway' };

  beforeAll(async () => {
    db = await scratchDatabase(process.env.TEST_TEMPLATE_DATABASE ?? 'crm_test_template');
    jwks = await startFakeService();
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    jwks.jwks.keys = [{ ...(await exportJWK(publicKey)), kid: 'surface-1', alg: 'ES256', use: 'sig' }];
    // Production accepts only tokens of a sign-in (with a session version); this employee has no replica row yet.
    sign = (role) =>
      new SignJWT({ role, departmentId: null, sid: randomUUID(), ver: 1 })
        .setProtectedHeader({ alg: 'ES256', kid: 'surface-1' })
        .setSubject(randomUUID())
        .setIssuer('crm-suite')
        .setAudience('crm-suite')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey as CryptoKey);
    service = await startService(true, db, redisPrefix, `${jwks.url}/.well-known/jwks.json`);
    gateway = await startGateway({ NODE_ENV: 'production', CUSTOMERS_URL: service.url, REDIS_URL: testRedisUrl(), REDIS_PREFIX: redisPrefix });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
    await jwks?.close();
    await db?.drop();
    await dropRedisPrefix(redisPrefix);
  });

  it('answers a call straight to the service\'s port (inside the cluster)', async () => {
    const page = await service.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // Swagger UI's page gets a CSP that lets it run (its own scripts, inline styles, data: icons), nothing more.
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('unsafe-eval');
    expect((await service.call('GET', '/api/docs/swagger-ui-init.js')).status).toBe(200);
    const document = await service.call('GET', '/api/docs/openapi.json');
    expect(document.status).toBe(200);
    expect(JSON.parse(document.text).paths['/api/v1/things']).toBeDefined();
    const sdl = await service.call('POST', '/graphql', {}, SDL_QUERY);
    expect(JSON.parse(sdl.text).data._service.sdl).toContain('ping');
  });

  it('refuses a forwarded anonymous or non-admin call: docs 404, _service 403', async () => {
    const employee = { ...forwarded, authorization: `Bearer ${await sign('EMPLOYEE')}` };
    const callers: Record<string, string>[] = [forwarded, { 'x-forwarded-for': '203.0.113.9' }, { via: '1.1 ingress' }, { forwarded: 'for=203.0.113.9' }, employee];
    for (const headers of callers) {
      for (const path of ['/api/docs', '/api/docs/', '/api/docs/openapi.json', '/api/docs/swagger-ui-init.js', '/api/docs-yaml']) {
        const reply = await service.call('GET', path, headers);
        expect([path, reply.status]).toEqual([path, 404]);
        expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      for (const body of [SDL_QUERY, ALIASED_SDL_QUERY]) {
        const reply = await service.call('POST', '/graphql', headers, body);
        expect(reply.status).toBe(403);
        expect(JSON.parse(reply.text).errors[0].extensions.code).toBe('FORBIDDEN');
      }
    }
    // The rest of the API is untouched.
    expect((await service.call('GET', '/api/v1/things', forwarded)).status).toBe(200);
    expect(JSON.parse((await service.call('POST', '/graphql', forwarded, { query: '{ ping }' })).text).data.ping).toBe('pong');
  });

  it('answers a forwarded call of an ADMIN', async () => {
    const admin = { ...forwarded, authorization: `Bearer ${await sign('ADMIN')}` };
    expect((await service.call('GET', '/api/docs/openapi.json', admin)).status).toBe(200);
    expect(JSON.parse((await service.call('POST', '/graphql', admin, SDL_QUERY)).text).data._service.sdl).toContain('ping');
  });

  it('reaches neither through the gateway, whoever calls', async () => {
    const admin = { authorization: `Bearer ${await sign('ADMIN')}` };
    for (const headers of [{}, admin]) {
      // `/api/docs` at the gateway is the gateway's own composed document (below), never the service's.
      for (const path of ['/api/docs-yaml', '/api/docs/swagger-ui-init.js', '/api/v1/../api/docs', '/api/v1/things/..%2F..%2Fdocs', '/api/v1/%2e%2e/api/docs']) {
        expect([path, (await gateway.call('GET', path, { headers })).status]).toEqual([path, 404]);
      }
      const sdl = await gateway.graphql('{ _service { sdl } }', { headers });
      expect(sdl.status).toBe(400);
      expect(sdl.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('describes the public API at the gateway to anyone, composed from the service\'s document read inside the cluster', async () => {
    const reply = await gateway.call('GET', '/api/docs/openapi.json');
    expect(reply.status).toBe(200);
    const document = reply.json();
    expect([document.openapi, document.info.title]).toEqual(['3.1.0', 'Customer management suite API']);
    // The service's own document answers the gateway's direct call; its routed path is in, its unrouted one not.
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/customers']));
    expect(document.paths['/api/v1/things']).toBeUndefined();
    expect(Object.keys(document.paths).filter((path: string) => path.includes('/admin'))).toEqual([]);
    expect((await gateway.call('GET', '/api/docs')).status).toBe(200);
  });

  it('has no clock admin in production', async () => {
    const admin = { authorization: `Bearer ${await sign('ADMIN')}` };
    const reply = await service.call('PUT', '/api/v1/admin/clock', admin, { now: '2026-03-01T17:59:00+08:00' });
    expect(reply.status).toBe(404);
  });
});
