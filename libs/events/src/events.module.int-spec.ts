import { Clock, FixedClock } from '@crm/clock';
import {
  Global,
  Injectable,
  Module,
  type DynamicModule,
  type INestApplicationContext,
  type OnModuleInit,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { SaleRecorded } from './catalogue/campaigns.events';
import { EventConsumer } from './consumer/event.consumer';
import { EventsModule } from './events.module';
import { OutboxWriter } from './outbox/outbox.writer';
import { SweepRunner } from './sweeps/sweep.runner';
import { sale } from './testing/fixtures';
import {
  dropRedisPrefix,
  eventsTestDatabase,
  scratchRedisPrefix,
  testLogger,
  testRedisUrl,
  waitFor,
  freePort,
  type EventsTestDatabase,
} from './testing/harness';

/** What a service's app provides itself: its DataSource (via @nestjs/typeorm in the apps) and the clock. */
function platform(dataSource: DataSource, clock: Clock): DynamicModule {
  @Global()
  @Module({})
  class PlatformModule {}
  return {
    module: PlatformModule,
    providers: [
      { provide: DataSource, useValue: dataSource },
      { provide: Clock, useValue: clock },
    ],
    exports: [DataSource, Clock],
  };
}

/** A campaigns command: state change and event in one transaction. */
@Injectable()
class SalesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter<'campaigns'>,
  ) {}

  record(payload: SaleRecorded) {
    return this.dataSource.transaction((m) => this.outbox.append(m, { name: 'sale.recorded', payload }));
  }
}

/** Rewards registers its handler and its sweep when its module initialises, before the workers start. */
@Injectable()
class PointsWiring implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'rewards'>,
    private readonly sweeps: SweepRunner,
  ) {}

  onModuleInit() {
    this.consumer.on('sale.recorded', async (s, ctx) => {
      await ctx.manager.query(`INSERT INTO rewards.effects (event_id, name, detail) VALUES ($1, $2, $3)`, [
        ctx.eventId,
        ctx.name,
        { points: Math.floor(s.amountFen / 100_000) * 100 },
      ]);
    });
    this.sweeps.register({
      name: 'expire-points',
      pattern: '0 3 * * *',
      handler: async (now) => ({ expired: 0, at: now.toISOString() }),
    });
  }
}

/** Campaigns' sweep, registered like rewards' above. */
@Injectable()
class CutoffWiring implements OnModuleInit {
  constructor(private readonly sweeps: SweepRunner) {}

  onModuleInit() {
    this.sweeps.register({
      name: 'sheet-cutoff',
      pattern: '0 18 * * *',
      handler: async () => ({ lateSheets: 0 }),
    });
  }
}

describe('EventsModule', () => {
  const clock = new FixedClock(new Date('2026-03-01T10:00:00Z'));
  const prefix = scratchRedisPrefix();
  let t: EventsTestDatabase;
  const apps: INestApplicationContext[] = [];

  beforeAll(async () => {
    t = await eventsTestDatabase(['campaigns', 'rewards']);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await dropRedisPrefix(testRedisUrl(), prefix);
    await t.close();
  });

  async function boot(
    service: 'campaigns' | 'rewards',
    providers: (typeof SalesService | typeof PointsWiring | typeof CutoffWiring)[],
    redisUrl = testRedisUrl(),
  ) {
    const dataSource = await t.open(service);
    @Module({
      imports: [
        platform(dataSource, clock),
        EventsModule.forServiceAsync({
          useFactory: async () => ({
            service,
            redisUrl,
            redisPrefix: prefix,
            logger: testLogger(),
            sweeps: { scheduleWaitMs: 300 },
          }),
        }),
      ],
      providers,
    })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    apps.push(app);
    return app;
  }

  it('wires writer, relay, consumer and sweeps into a service, started on bootstrap and stopped on close', async () => {
    const campaigns = await boot('campaigns', [SalesService]);
    const rewards = await boot('rewards', [PointsWiring]);

    const [event] = await campaigns.get(SalesService).record({ ...sale(0), amountFen: 250_000 });
    const rewardsDb = rewards.get(DataSource);
    const [effect] = await waitFor(async () => {
      const rows = await rewardsDb.query(`SELECT event_id, detail FROM rewards.effects`);
      return rows.length ? rows : null;
    });
    expect(effect).toEqual({ event_id: event.id, detail: { points: 200 } });

    await expect(rewards.get(SweepRunner).runNow('expire-points')).resolves.toMatchObject({
      status: 'completed',
      result: { expired: 0, at: '2026-03-01T10:00:00.000Z' },
    });
  });

  it('boots, takes commands and runs sweeps on demand while Redis is down, and closes cleanly', async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    const started = performance.now();
    const campaigns = await boot('campaigns', [SalesService, CutoffWiring], nowhere);
    expect(performance.now() - started).toBeLessThan(5000);

    const [event] = await campaigns.get(SalesService).record(sale(1));
    await expect(campaigns.get(SweepRunner).runNow('sheet-cutoff')).resolves.toMatchObject({
      result: { lateSheets: 0 },
    });
    const [row] = await campaigns
      .get(DataSource)
      .query(`SELECT published_at FROM campaigns.outbox WHERE id = $1`, [event.id]);
    expect(row.published_at).toBeNull();

    await campaigns.close();
    apps.splice(apps.indexOf(campaigns), 1);
  });
});
