import { FixedClock } from '@crm/clock';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import {
  dropRedisPrefix,
  eventsTestDatabase,
  scratchRedisPrefix,
  testLogger,
  testRedisUrl,
  type EventsTestDatabase,
} from '../testing/harness';
import { SweepsAdminModule, type SweepsAdminOptions } from './sweeps-admin.module';
import { SweepRunner } from './sweep.runner';

/** api-contract "Time and sweeps": the on-demand endpoint exists outside production, and in production only when ops enable it. */
describe('POST /api/v1/admin/sweeps/{name}, by environment', () => {
  let t: EventsTestDatabase;
  let dataSource: DataSource;
  const prefix = scratchRedisPrefix();
  const apps: NestFastifyApplication[] = [];

  beforeAll(async () => {
    t = await eventsTestDatabase([]);
    dataSource = await t.open('complaints');
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await t.close();
    await dropRedisPrefix(testRedisUrl(), prefix);
  });

  async function serviceWith(options: SweepsAdminOptions): Promise<NestFastifyApplication> {
    const runner = new SweepRunner({
      service: 'complaints',
      dataSource,
      clock: new FixedClock(new Date('2026-03-04T10:00:00Z')),
      redisUrl: testRedisUrl(),
      redisPrefix: prefix,
      logger: testLogger(),
    }).register({ name: 'complaint-sla', pattern: '0 * * * *', handler: async (now) => ({ breached: 0, asOf: now.toISOString() }) });
    @Global()
    @Module({ providers: [{ provide: SweepRunner, useValue: runner }], exports: [SweepRunner] })
    class EventsStandIn {}
    const root: DynamicModule = { module: class Service {}, imports: [EventsStandIn, SweepsAdminModule.forService(options)] };
    const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
    return app;
  }

  const runSweep = (app: NestFastifyApplication) => app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/api/v1/admin/sweeps/complaint-sla' });

  it('runs a sweep on demand outside production', async () => {
    const reply = await runSweep(await serviceWith({ production: false }));
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ sweep: 'complaint-sla', trigger: 'on-demand', status: 'completed', now: '2026-03-04T10:00:00.000Z' });
  });

  it('does not exist in production by default', async () => {
    expect((await runSweep(await serviceWith({ production: true }))).statusCode).toBe(404);
    expect((await runSweep(await serviceWith({ production: true, enabledInProduction: false }))).statusCode).toBe(404);
  });

  it('exists in production when ADMIN_SWEEPS_ENABLED turns it on', async () => {
    const reply = await runSweep(await serviceWith({ production: true, enabledInProduction: true }));
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ sweep: 'complaint-sla', status: 'completed' });
  });
});
