import type { Redis } from 'ioredis';
import { OffsetClock } from './clock';

/**
 * The non-production clock offset, shared by every service through Redis: one key holds the offset, one
 * channel announces changes. Services refresh from the key before each request and each job, so a moved
 * clock is seen by the very next call in any service; the channel keeps idle services current too.
 */
export class SharedClockOffset {
  readonly key: string;
  readonly channel: string;

  constructor(private readonly redis: Redis, prefix: string) {
    this.key = `${prefix}:clock:offset-ms`;
    this.channel = `${prefix}:clock:changed`;
  }

  async read(): Promise<number> {
    const raw = await this.redis.get(this.key);
    const n = raw === null ? 0 : Number(raw);
    return Number.isFinite(n) ? n : 0;
  }

  /** Moves the suite's clock so that "now" is `to`. Answers the offset set. */
  async moveTo(to: Date): Promise<number> {
    const offset = to.getTime() - Date.now();
    await this.redis.set(this.key, String(offset));
    await this.redis.publish(this.channel, String(offset));
    return offset;
  }

  async reset(): Promise<void> {
    await this.redis.del(this.key);
    await this.redis.publish(this.channel, '0');
  }

  /** Keeps `clock` in step with the shared offset. `subscriber` must be a connection used for nothing else. */
  async follow(clock: OffsetClock, subscriber: Redis): Promise<() => Promise<void>> {
    clock.setOffset(await this.read());
    await subscriber.subscribe(this.channel);
    const onMessage = (channel: string, message: string) => {
      if (channel === this.channel) clock.setOffset(Number(message) || 0);
    };
    subscriber.on('message', onMessage);
    return async () => {
      subscriber.off('message', onMessage);
      await subscriber.unsubscribe(this.channel).catch(() => undefined);
    };
  }

  async refresh(clock: OffsetClock): Promise<void> {
    clock.setOffset(await this.read());
  }
}
