import { Clock, ClockSync } from '@crm/clock';
import { createLogger, type LogLevel } from '@crm/logging';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type ModuleMetadata,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { ServiceName } from './catalogue/services';
import { EventConsumer, type EventConsumerOptions } from './consumer/event.consumer';
import { OutboxWriter } from './outbox/outbox.writer';
import { checkRedisEvictionPolicy } from './redis/eviction-policy';
import { OutboxRelay, type OutboxRelayOptions } from './relay/outbox.relay';
import { SweepRunner, type SweepRunnerOptions } from './sweeps/sweep.runner';
import { errorMessage, within } from './support/timeout';

type Tuning<T> = Partial<
  Omit<T, 'service' | 'dataSource' | 'clock' | 'redisUrl' | 'redisPrefix' | 'clockSync' | 'logger'>
>;

export interface EventsModuleOptions {
  service: ServiceName;
  redisUrl: string;
  /** BullMQ key prefix (REDIS_PREFIX); every service of one suite uses the same. */
  redisPrefix: string;
  /** BUSINESS_TZ, for sweep schedules. */
  tz?: string;
  /** Parts to run in this process; all by default. A migration Job or a CLI turns them off. */
  run?: { relay?: boolean; consumer?: boolean; sweeps?: boolean };
  relay?: Tuning<OutboxRelayOptions>;
  consumer?: Tuning<EventConsumerOptions>;
  sweeps?: Tuning<SweepRunnerOptions>;
  logger?: Logger;
  logLevel?: LogLevel;
}

export interface EventsModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => EventsModuleOptions | Promise<EventsModuleOptions>;
}

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');
const EVENTS_LOGGER = Symbol('EVENTS_LOGGER');

/**
 * Starts the relay, the sweeps and the consumer once every module has initialised (handlers and sweeps are
 * registered in onModuleInit), and stops them before the app's connections close, so an in-flight handler
 * finishes its transaction on a live DataSource.
 */
@Injectable()
export class EventsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsModuleOptions,
    @Inject(EVENTS_LOGGER) private readonly log: Logger,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly sweeps: SweepRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Neither waits long on a Redis that is down: the service boots and its events wait in the outbox.
    await Promise.all([this.warnOnEvictionPolicy(), this.startParts()]);
  }

  private async startParts(): Promise<void> {
    const run = this.options.run ?? {};
    if (run.relay !== false) await this.relay.start();
    if (run.sweeps !== false) await this.sweeps.start();
    if (run.consumer !== false) await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.sweeps.stop();
    await this.relay.stop();
  }

  private async warnOnEvictionPolicy(): Promise<void> {
    const redis = new Redis(this.options.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    redis.on('error', () => undefined);
    try {
      await within(2000, redis.connect(), 'Redis');
      const check = await within(2000, checkRedisEvictionPolicy(redis), 'Redis');
      if (!check.ok) this.log.warn(check.warning);
    } catch (e) {
      // Redis down at start: the relay keeps events in the outbox until it is back.
      this.log.warn({ err: errorMessage(e) }, 'Redis unreachable at start-up; events wait in the outbox');
    } finally {
      redis.disconnect();
    }
  }
}

/**
 * The event backbone for one service: `OutboxWriter`, `EventConsumer`, `SweepRunner` (and the `OutboxRelay`)
 * as providers. Needs a `DataSource` (from @nestjs/typeorm) and `Clock` (from ClockModule) in scope;
 * `ClockSync` is used when present. The app must call `enableShutdownHooks()` so the workers stop cleanly.
 *
 * ```ts
 * EventsModule.forServiceAsync({
 *   inject: [ConfigService],
 *   useFactory: (c) => ({ service: 'rewards', redisUrl: c.REDIS_URL, redisPrefix: c.REDIS_PREFIX, tz: c.BUSINESS_TZ }),
 * })
 * ```
 */
@Module({})
export class EventsModule {
  static forService(options: EventsModuleOptions): DynamicModule {
    return EventsModule.build([{ provide: EVENTS_OPTIONS, useValue: options }], []);
  }

  static forServiceAsync(options: EventsModuleAsyncOptions): DynamicModule {
    return EventsModule.build(
      [{ provide: EVENTS_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }],
      options.imports ?? [],
    );
  }

  private static build(
    optionProviders: DynamicModule['providers'] & object,
    imports: ModuleMetadata['imports'] & object,
  ): DynamicModule {
    const clockSync = { token: ClockSync, optional: true };
    return {
      module: EventsModule,
      global: true,
      imports,
      providers: [
        ...optionProviders,
        {
          provide: EVENTS_LOGGER,
          useFactory: (o: EventsModuleOptions) => o.logger ?? createLogger(o.service, o.logLevel ?? 'info'),
          inject: [EVENTS_OPTIONS],
        },
        {
          provide: OutboxWriter,
          useFactory: (o: EventsModuleOptions, clock: Clock) => new OutboxWriter(o.service, clock),
          inject: [EVENTS_OPTIONS, Clock],
        },
        {
          provide: OutboxRelay,
          useFactory: (o: EventsModuleOptions, log: Logger, dataSource: DataSource, clock: Clock) =>
            new OutboxRelay({ ...o.relay, ...common(o, log, dataSource, clock) }),
          inject: [EVENTS_OPTIONS, EVENTS_LOGGER, DataSource, Clock],
        },
        {
          provide: EventConsumer,
          useFactory: (
            o: EventsModuleOptions,
            log: Logger,
            dataSource: DataSource,
            clock: Clock,
            sync?: ClockSync,
          ) => new EventConsumer({ ...o.consumer, ...common(o, log, dataSource, clock), clockSync: sync }),
          inject: [EVENTS_OPTIONS, EVENTS_LOGGER, DataSource, Clock, clockSync],
        },
        {
          provide: SweepRunner,
          useFactory: (
            o: EventsModuleOptions,
            log: Logger,
            dataSource: DataSource,
            clock: Clock,
            sync?: ClockSync,
          ) =>
            new SweepRunner({ tz: o.tz, ...o.sweeps, ...common(o, log, dataSource, clock), clockSync: sync }),
          inject: [EVENTS_OPTIONS, EVENTS_LOGGER, DataSource, Clock, clockSync],
        },
        EventsLifecycle,
      ],
      exports: [OutboxWriter, OutboxRelay, EventConsumer, SweepRunner, EVENTS_OPTIONS],
    };
  }
}

function common(o: EventsModuleOptions, logger: Logger, dataSource: DataSource, clock: Clock) {
  return { service: o.service, redisUrl: o.redisUrl, redisPrefix: o.redisPrefix, dataSource, clock, logger };
}
