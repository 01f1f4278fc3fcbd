import { FakeService, startFakeService } from '../testing/fake-service';
import { GatewayUnderTest, startGateway } from '../testing/gateway-under-test';

describe('gateway health', () => {
  let service: FakeService;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    service = await startFakeService();
    gateway = await startGateway({ CUSTOMERS_URL: service.url, GATEWAY_HEALTH_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  it('is ready when every configured service is', async () => {
    const reply = await gateway.call('GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ status: 'ok', services: { customers: { status: 'up' } } });
  });

  it('is live whatever the services say', async () => {
    service.health.status = 503;
    try {
      const reply = await gateway.call('GET', '/health/live');
      expect([reply.status, reply.json()]).toEqual([200, { status: 'ok' }]);
    } finally {
      service.health.status = 200;
    }
  });

  it('is not ready while a service says it is not', async () => {
    service.health.status = 503;
    try {
      const reply = await gateway.call('GET', '/health');
      expect(reply.status).toBe(503);
      expect(reply.json()).toEqual({ status: 'unavailable', services: { customers: { status: 'down', reason: 'HTTP 503' } } });
    } finally {
      service.health.status = 200;
    }
    expect((await gateway.call('GET', '/health')).status).toBe(200);
  });

  it('is not ready while a service is too slow to answer', async () => {
    service.health.delayMs = 1_000;
    try {
      const started = Date.now();
      const reply = await gateway.call('GET', '/health');
      expect(reply.status).toBe(503);
      expect(reply.json().services.customers).toEqual({ status: 'down', reason: 'no answer within 300 ms' });
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      service.health.delayMs = 0;
    }
  });

  it('is not ready once a service has stopped', async () => {
    await service.close();
    const reply = await gateway.call('GET', '/health');
    expect(reply.status).toBe(503);
    expect(reply.json()).toMatchObject({ status: 'unavailable', services: { customers: { status: 'down', reason: expect.stringMatching(/^unreachable/) } } });
  });
});
