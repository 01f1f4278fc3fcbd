import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, Reply, startGateway } from '../testing/gateway-under-test';

const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'];
const urlsOf = (url: string) => Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase().replace(/-/g, '_')}_URL`, url]));

/** What every answer of the gateway carries, whoever produced it (the gateway, a service, an error). */
function expectSecurityHeaders(reply: Reply): void {
  const csp = String(reply.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['x-frame-options']).toBe('DENY');
  expect(reply.headers['referrer-policy']).toBe('no-referrer');
  expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(reply.headers['x-powered-by']).toBeUndefined();
}

describe('security headers at the gateway', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway({ ...urlsOf(service.url), RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0', RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  it('on a REST answer passed on from a service', async () => {
    const reply = await gateway.call('GET', '/api/v1/customers?phone=1');
    expect(reply.status).toBe(200);
    expect(reply.headers['x-service']).toBe('customers');
    expectSecurityHeaders(reply);
  });

  it('on a GraphQL answer', async () => {
    const reply = await gateway.graphql('{ customer(id: "7") { id name } }');
    expect(reply.status).toBe(200);
    expect(reply.json().data.customer).toEqual({ id: '7', name: 'Customer 7' });
    expectSecurityHeaders(reply);
  });

  it('on a problem answer of the gateway itself, and on a service\'s problem', async () => {
    const none = await gateway.call('GET', '/api/v1/nothing-here');
    expect(none.status).toBe(404);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectSecurityHeaders(none);
    const missing = await gateway.call('GET', '/api/v1/customers/missing');
    expect(missing.status).toBe(404);
    expect(missing.json().code).toBe('CUSTOMER_NOT_FOUND');
    expectSecurityHeaders(missing);
    const outside = await gateway.call('GET', '/not-an-api-path');
    expect(outside.status).toBe(404);
    expectSecurityHeaders(outside);
  });

  it('on a GraphQL error and on /health', async () => {
    const invalid = await gateway.graphql('{ nope }');
    expect(invalid.status).toBe(400);
    expectSecurityHeaders(invalid);
    expectSecurityHeaders(await gateway.call('GET', '/health'));
  });

  it('sends no HSTS unless configured (TLS is terminated in front of the gateway, if at all)', async () => {
    const reply = await gateway.call('GET', '/health/live');
    expect(reply.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves no GraphQL IDE or landing page to a browser', async () => {
    const reply = await gateway.call('GET', '/graphql', { headers: { accept: 'text/html' } });
    expect(reply.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    expectSecurityHeaders(reply);
  });
});

describe('HSTS when configured', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway({ CUSTOMERS_URL: service.url, HSTS_MAX_AGE_SECONDS: '31536000', HSTS_INCLUDE_SUBDOMAINS: 'true', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0', RATE_LIMIT_PER_EMPLOYEE_PER_MINUTE: '0' });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  it('adds Strict-Transport-Security to every answer', async () => {
    for (const reply of [await gateway.call('GET', '/api/v1/customers/c-1'), await gateway.call('GET', '/api/v1/nothing'), await gateway.graphql('{ customer(id: "1") { id } }')]) {
      expect(reply.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });
});
