import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, startGateway } from '../testing/gateway-under-test';

const SERVICES = ['customers', 'campaigns', 'rewards', 'complaints', 'service-visits'];
const urlsOf = (url: string) => Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase().replace(/-/g, '_')}_URL`, url]));

describe('GET /api/v1/customers/{id}/export (P-3), assembled by the gateway', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway(urlsOf(service.url));
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  it('asks customers first, then every other service, with the caller\'s credentials, and answers one document', async () => {
    const before = service.seen.length;
    const reply = await gateway.call('GET', '/api/v1/customers/c-1/export', { headers: { authorization: 'Bearer gm', 'x-api-key': 'k-1' } });
    expect(reply.status).toBe(200);
    const body = reply.json();
    expect(body.customerId).toBe('c-1');
    expect(body.exportedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(Object.keys(body.sections).sort()).toEqual([...SERVICES].sort());
    for (const name of SERVICES) expect(body.sections[name]).toEqual({ authorization: 'Bearer gm', apiKey: 'k-1' });
    const calls = service.seen.slice(before);
    expect(calls.map((c) => c.url)).toEqual(Array(5).fill('/api/v1/personal-data/c-1'));
    expect(calls.every((c) => typeof c.headers['x-request-id'] === 'string')).toBe(true);
  });

  it('passes customers\' refusal on as it is, and asks no other service', async () => {
    const before = service.seen.length;
    const reply = await gateway.call('GET', '/api/v1/customers/missing/export', { headers: { authorization: 'Bearer gm' } });
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    expect(service.seen.length - before).toBe(1);
  });

  it('answers 503 SERVICE_UNAVAILABLE naming customers when customers fails', async () => {
    const reply = await gateway.call('GET', '/api/v1/customers/broken/export');
    expect(reply.status).toBe(503);
    expect(reply.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'customers' });
  });

  it('leaves the rest of /api/v1/customers to the proxy', async () => {
    const reply = await gateway.call('GET', '/api/v1/customers/c-1/exports');
    expect(reply.json()).toMatchObject({ method: 'GET', url: '/api/v1/customers/c-1/exports' });
  });
});

describe('the export when a service is missing or down', () => {
  let service: FakeService;
  const gateways: GatewayUnderTest[] = [];

  beforeAll(async () => {
    service = await startFakeService();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await service?.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE naming a service not deployed, never a partial document', async () => {
    const gateway = await startGateway({ ...urlsOf(service.url), COMPLAINTS_URL: '' });
    gateways.push(gateway);
    const reply = await gateway.call('GET', '/api/v1/customers/c-1/export');
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reply.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', service: 'complaints' });
  });

  it('answers 503 SERVICE_UNAVAILABLE naming a service that does not answer', async () => {
    const down = await startFakeService();
    const url = down.url;
    await down.close();
    const gateway = await startGateway({ ...urlsOf(service.url), REWARDS_URL: url });
    gateways.push(gateway);
    const reply = await gateway.call('GET', '/api/v1/customers/c-1/export');
    expect(reply.status).toBe(503);
    expect(reply.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'rewards' });
  });
});
