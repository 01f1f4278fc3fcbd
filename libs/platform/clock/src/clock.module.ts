import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Clock, OffsetClock, SystemClock } from './clock';
import { SharedClockOffset } from './shared-offset';

export const CLOCK_OPTIONS = Symbol('CLOCK_OPTIONS');

export interface ClockModuleOptions {
  /** Whether the clock may be moved: never in production. */
  movable: boolean;
  redisUrl: string;
  redisPrefix: string;
}

/**
 * Follows the shared offset while the app runs. `refresh()` is called before each request and each job, so
 * a clock moved by one service is seen by the very next call in another.
 */
@Injectable()
export class ClockSync implements OnModuleInit, OnApplicationShutdown {
  private redis?: Redis;
  private subscriber?: Redis;
  private shared?: SharedClockOffset;
  private stopFollowing?: () => Promise<void>;

  constructor(
    @Inject(CLOCK_OPTIONS) private readonly options: ClockModuleOptions,
    private readonly clock: Clock,
  ) {}

  get movable(): boolean {
    return this.options.movable && this.clock instanceof OffsetClock;
  }

  /** Follows the shared offset from boot, so the clock admin endpoint and every rule see a moved clock. */
  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async start(): Promise<void> {
    if (!this.movable || this.shared) return;
    this.redis = new Redis(this.options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(this.options.redisUrl, { lazyConnect: true });
    this.shared = new SharedClockOffset(this.redis, this.options.redisPrefix);
    try {
      await this.redis.connect();
      await this.subscriber.connect();
      this.stopFollowing = await this.shared.follow(this.clock as OffsetClock, this.subscriber);
    } catch {
      // Redis down: the clock runs at real time until Redis is back; refresh() retries.
    }
  }

  async refresh(): Promise<void> {
    if (!this.movable || !this.shared) return;
    try {
      await this.shared.refresh(this.clock as OffsetClock);
    } catch {
      // Keep the last known offset while Redis is unreachable.
    }
  }

  async moveTo(to: Date): Promise<number> {
    this.assertMovable();
    const offset = await this.shared!.moveTo(to);
    (this.clock as OffsetClock).setOffset(offset);
    return offset;
  }

  async reset(): Promise<void> {
    this.assertMovable();
    await this.shared!.reset();
    (this.clock as OffsetClock).setOffset(0);
  }

  private assertMovable(): void {
    if (!this.movable || !this.shared) throw new Error('The clock cannot be moved in production');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopFollowing?.();
    this.subscriber?.disconnect();
    this.redis?.disconnect();
  }
}

@Global()
@Module({})
export class ClockModule {
  static forRoot(options: ClockModuleOptions): DynamicModule {
    return {
      module: ClockModule,
      providers: [
        { provide: CLOCK_OPTIONS, useValue: options },
        { provide: Clock, useFactory: () => (options.movable ? new OffsetClock() : new SystemClock()) },
        ClockSync,
      ],
      exports: [Clock, ClockSync],
    };
  }
}
