import { request } from 'undici';
import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, startGateway } from '../testing/gateway-under-test';

describe('REST through the gateway', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway({ CUSTOMERS_URL: service.url, GATEWAY_UPSTREAM_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  const lastSeen = () => service.seen[service.seen.length - 1];

  it('routes a GET with its query string untouched', async () => {
    const query = '?phone=138%2000&ownerId=e-1&stage=NEW&stage=LOYAL&q=a%2Fb';
    const reply = await gateway.call('GET', `/api/v1/customers${query}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['x-service']).toBe('customers');
    expect(reply.json()).toMatchObject({ method: 'GET', url: `/api/v1/customers${query}` });
  });

  it.each(['/api/v1/departments/d-1', '/api/v1/employees?departmentId=d-1', '/api/v1/api-keys', '/api/v1/auth/dev-token', '/api/v1/admin/clock'])(
    'routes %s to customers',
    async (path) => {
      const reply = await gateway.call('GET', path);
      expect(reply.status).toBe(200);
      expect(reply.json().url).toBe(path);
    },
  );

  it('passes a JSON body through byte for byte, with the caller\'s headers', async () => {
    const body = '{ "name": "张三",  "phone":"13800000000", "nested": {"a": [1, 2.50]} }';
    const reply = await gateway.call('PATCH', '/api/v1/customers/c-1', {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        authorization: 'Bearer employee-token',
        'x-api-key': 'partner-key',
        'idempotency-key': 'idem-42',
        accept: 'application/json',
        'x-request-id': 'rest-req-00042',
      },
      body,
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ method: 'PATCH', body, contentType: 'application/json; charset=utf-8' });
    expect(reply.headers['x-request-id']).toBe('rest-req-00042');
    expect(lastSeen().headers).toMatchObject({
      authorization: 'Bearer employee-token',
      'x-api-key': 'partner-key',
      'idempotency-key': 'idem-42',
      accept: 'application/json',
      'x-request-id': 'rest-req-00042',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
    });
  });

  it('makes a request id when the caller sends none and gives it to the service and the caller', async () => {
    const reply = await gateway.call('GET', '/api/v1/customers/c-1');
    const id = reply.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lastSeen().headers['x-request-id']).toBe(id);
  });

  it('streams a CSV body and a body larger than the GraphQL limit', async () => {
    const csv = 'name,phone\n王五,13900000000\n';
    const small = await gateway.call('POST', '/api/v1/archive-batches', { headers: { 'content-type': 'text/csv' }, body: csv });
    expect(small.json()).toMatchObject({ url: '/api/v1/archive-batches', contentType: 'text/csv', body: csv });

    const big = Buffer.alloc(3 * 1024 * 1024, 'x');
    const large = await gateway.call('POST', '/api/v1/archive-batches', { headers: { 'content-type': 'text/csv' }, body: big });
    expect(large.status).toBe(200);
    expect(large.json().bodyLength).toBe(big.length);
  });

  it('passes a body that has no content type', async () => {
    const reply = await gateway.call('POST', '/api/v1/customers/c-1/transfer', { body: 'raw bytes' });
    expect(reply.json()).toMatchObject({ body: 'raw bytes', bodyLength: 9 });
  });

  it('returns the service\'s status and headers unchanged', async () => {
    const reply = await gateway.call('POST', '/api/v1/customers', { headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' });
    expect(reply.status).toBe(201);
    expect(reply.headers.location).toBe('/api/v1/customers/c-1');
    expect(reply.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(reply.json()).toEqual({ id: 'c-1' });
  });

  it('returns a service\'s problem+json as it is', async () => {
    const reply = await gateway.call('GET', '/api/v1/customers/missing');
    const direct = await request(`${service.url}/api/v1/customers/missing`);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.headers['content-type']).toBe(direct.headers['content-type']);
    expect(reply.text).toBe(await direct.body.text());
    expect(reply.json()).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', status: 404 });
  });

  it('returns 204 and HEAD answers without a body', async () => {
    const empty = await gateway.call('DELETE', '/api/v1/customers/nothing');
    expect([empty.status, empty.text]).toEqual([204, '']);
    const head = await gateway.call('HEAD', '/api/v1/customers/c-1');
    expect([head.status, head.text]).toEqual([200, '']);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('routes a sweep by name to the service that owns it', async () => {
    const reply = await gateway.call('POST', '/api/v1/admin/sweeps/classification');
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ method: 'POST', url: '/api/v1/admin/sweeps/classification' });
  });

  it.each([
    ['GET', '/api/v1/customersX'],
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/admin/sweeps/unknown'],
    ['GET', '/api/v1'],
    ['GET', '/api/v1/customers/../api-keys'],
    ['GET', '/api/v1/customers/%2e%2e/api-keys'],
  ])('answers 404 problem+json for %s %s, which has no route', async (method, path) => {
    const before = service.seen.length;
    const reply = await gateway.call(method, path);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(service.seen.length).toBe(before);
  });

  it('answers 404 problem+json outside /api/v1 too', async () => {
    const reply = await gateway.call('GET', '/nowhere');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['GET', '/api/v1/points/c-1', 'rewards'],
    ['GET', '/api/v1/meetings', 'campaigns'],
    ['POST', '/api/v1/complaints', 'complaints'],
    ['POST', '/api/v1/admin/sweeps/visit-plans', 'service-visits'],
  ])('answers 503 SERVICE_UNAVAILABLE for %s %s: %s is not deployed', async (method, path, owner) => {
    const reply = await gateway.call(method, path, { headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', service: owner, requestId: reply.headers['x-request-id'] });
  });

  it.each(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/me/password'])('routes identity\'s %s to customers', async (path) => {
    const reply = await gateway.call('POST', path, { headers: { 'content-type': 'application/json' }, body: '{"login":"wang"}' });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ method: 'POST', url: path, body: '{"login":"wang"}' });
  });

  it('passes customers\' JWKS on at /.well-known/jwks.json, without a token', async () => {
    service.jwks.keys = [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1', alg: 'ES256', use: 'sig' }];
    const reply = await gateway.call('GET', '/.well-known/jwks.json');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1', alg: 'ES256', use: 'sig' }] });
    expect(reply.headers['cache-control']).toBe('public, max-age=300');
    expect(lastSeen().url).toBe('/.well-known/jwks.json');
    expect((await gateway.call('HEAD', '/.well-known/jwks.json')).status).toBe(200);
    // Read-only, and nothing else under /.well-known is routed.
    expect((await gateway.call('POST', '/.well-known/jwks.json')).status).toBe(404);
    expect((await gateway.call('GET', '/.well-known/openid-configuration')).status).toBe(404);
  });

  it('answers 504 UPSTREAM_TIMEOUT when the service is too slow', async () => {
    const reply = await gateway.call('GET', '/api/v1/customers/slow');
    expect(reply.status).toBe(504);
    expect(reply.json()).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT', service: 'customers' });
  });
});

describe('REST through the gateway when the service is down', () => {
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    const service = await startFakeService();
    const url = service.url;
    await service.close(); // nothing listens there any more
    gateway = await startGateway({ CUSTOMERS_URL: url });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('answers 502 UPSTREAM_UNAVAILABLE', async () => {
    const reply = await gateway.call('POST', '/api/v1/customers', { headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' });
    expect(reply.status).toBe(502);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ status: 502, code: 'UPSTREAM_UNAVAILABLE', service: 'customers' });
  });
});
