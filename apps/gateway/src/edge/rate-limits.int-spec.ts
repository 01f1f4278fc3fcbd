import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { dropRedisPrefix, scratchRedisPrefix, testRedisUrl } from '@crm/testing';
import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, startGateway } from '../testing/gateway-under-test';

/** An ES256 key of this test, published as customers' JWKS by the fake service. */
async function signingKey(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const sign = (employeeId: string, role = 'EMPLOYEE', issuer = 'crm-suite') =>
    new SignJWT({ role, departmentId: null, sid: `s-${employeeId}`, ver: 1 })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(employeeId)
      .setIssuer(issuer)
      .setAudience('crm-suite')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey as CryptoKey);
  return { jwk, sign };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('rate limits at the gateway', () => {
  let service: FakeService;
  const gateways: GatewayUnderTest[] = [];
  const prefixes: string[] = [];
  let key: Awaited<ReturnType<typeof signingKey>>;

  const gatewayWith = async (env: Record<string, string>) => {
    const prefix = scratchRedisPrefix();
    prefixes.push(prefix);
    const gateway = await startGateway({ CUSTOMERS_URL: service.url, REDIS_PREFIX: prefix, ...env });
    gateways.push(gateway);
    return { gateway, prefix };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    service = await startFakeService();
    key = await signingKey('edge-test-1');
    service.jwks.keys = [key.jwk];
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await service?.close();
    for (const prefix of prefixes) await dropRedisPrefix(prefix);
  });

  it('refuses a caller address over its limit with 429 RATE_LIMITED and Retry-After, in REST and GraphQL', async () => {
    const { gateway, prefix } = await gatewayWith({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) expect((await gateway.call('GET', '/api/v1/customers/c-1')).status).toBe(200);

    const rest = await gateway.call('GET', '/api/v1/customers/c-1', { headers: { 'x-request-id': 'limited-0001' } });
    expect(rest.status).toBe(429);
    expect(rest.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(rest.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(rest.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', instance: '/api/v1/customers/c-1', requestId: 'limited-0001', retryAfterSeconds: retryAfter });
    expect(rest.headers['x-request-id']).toBe('limited-0001');
    expect(rest.headers['x-content-type-options']).toBe('nosniff');

    const graphql = await gateway.graphql('{ customer(id: "1") { id } }');
    expect(graphql.status).toBe(429);
    expect(Number(graphql.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(graphql.json().errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', status: 429 });

    // Probes are never limited; the service was not asked once the limit was reached.
    expect((await gateway.call('GET', '/health')).status).toBe(200);
    const redis = new Redis(testRedisUrl());
    try {
      expect(await redis.keys(`${prefix}:edge-limit:address:*`)).toEqual([`${prefix}:edge-limit:address:127.0.0.1`]);
    } finally {
      redis.disconnect();
    }
  });

  it('counts each employee of a verified token on their own, and an unverifiable token by address only', async () => {
    const { gateway } = await gatewayWith({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '8', RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '2' });
    const wang = await key.sign('e-wang');
    const li = await key.sign('e-li');
    expect((await gateway.call('GET', '/api/v1/customers/c-1', { headers: bearer(wang) })).status).toBe(200);
    expect((await gateway.graphql('{ customer(id: "1") { id } }', { headers: bearer(wang) })).status).toBe(200);
    const over = await gateway.call('GET', '/api/v1/customers/c-1', { headers: bearer(wang) });
    expect(over.status).toBe(429);
    expect(over.json()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringContaining('employee') });
    // Another employee from the same address still has their own quota.
    expect((await gateway.call('GET', '/api/v1/customers/c-1', { headers: bearer(li) })).status).toBe(200);

    // A token signed by a key customers never published, or for another issuer: not an employee, only an address.
    const stranger = await (await signingKey('edge-test-1')).sign('e-wang');
    const otherIssuer = await key.sign('e-wang', 'EMPLOYEE', 'someone-else');
    const answers = [];
    for (const token of [stranger, stranger, otherIssuer, otherIssuer]) answers.push((await gateway.call('GET', '/api/v1/customers/c-1', { headers: bearer(token) })).status);
    expect(answers).toEqual([200, 200, 200, 200]);
    // 4 + 4 requests from this address: the ninth is over the address limit, whoever calls.
    expect((await gateway.call('GET', '/api/v1/customers/c-1', { headers: bearer(li) })).status).toBe(429);
  });

  it('counts a partner key by address only (the service limits each key itself)', async () => {
    const { gateway } = await gatewayWith({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100', RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '1' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await gateway.call('GET', '/api/v1/customers/c-1', { headers: { 'x-api-key': 'crm_k1_secret' } })).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('believes X-Forwarded-For only behind the proxies TRUST_PROXY names', async () => {
    const plain = (await gatewayWith({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2' })).gateway;
    const spoofed = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) spoofed.push((await plain.call('GET', '/api/v1/customers/c-1', { headers: { 'x-forwarded-for': address } })).status);
    expect(spoofed).toEqual([200, 200, 429]);

    const { gateway: behindProxy, prefix } = await gatewayWith({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' });
    const forwarded = [];
    for (const address of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2']) forwarded.push((await behindProxy.call('GET', '/api/v1/customers/c-1', { headers: { 'x-forwarded-for': address } })).status);
    expect(forwarded).toEqual([200, 200, 429, 200]);
    const redis = new Redis(testRedisUrl());
    try {
      expect((await redis.keys(`${prefix}:edge-limit:address:*`)).sort()).toEqual([`${prefix}:edge-limit:address:203.0.113.1`, `${prefix}:edge-limit:address:203.0.113.2`]);
    } finally {
      redis.disconnect();
    }
  });

  it('lets every call through, quickly, when Redis cannot be reached', async () => {
    const port = await closedPort();
    const { gateway } = await gatewayWith({ REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1', RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '1' });
    const token = await key.sign('e-wang');
    const started = performance.now();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await gateway.call('GET', '/api/v1/customers/c-1', { headers: bearer(token) })).status);
    statuses.push((await gateway.graphql('{ customer(id: "1") { id } }')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('refuses a TRUST_PROXY that would believe anyone', async () => {
    await expect(gatewayWith({ TRUST_PROXY: 'true' })).rejects.toThrow(/TRUST_PROXY must be a hop count or a comma-separated list/);
  });
});
