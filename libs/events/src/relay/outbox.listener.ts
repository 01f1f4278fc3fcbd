import { Client, type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { backoffDelay, type BackoffPolicy } from '../support/backoff';
import { ident } from '../support/sql';
import { errorMessage } from '../support/timeout';

/**
 * Keeps one PostgreSQL session LISTENing on the outbox channel and calls `onWake` for each notification. When
 * the session drops (database restart, network), it reconnects with backoff and wakes once on reconnect,
 * because notifications sent while it was away are lost; the outbox rows are not.
 */
export class OutboxListener {
  private client?: Client;
  private stopped = true;
  private failures = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onWake: () => void,
    private readonly log: Logger,
    private readonly backoff: BackoffPolicy = { initialMs: 500, maxMs: 15_000 },
  ) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Connects in the background: the relay works by polling until LISTEN is up. */
  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.config);
    client.on('error', (e) => {
      this.log.warn({ err: errorMessage(e) }, 'outbox LISTEN connection failed');
      this.dropped(client);
    });
    client.on('end', () => this.dropped(client));
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onWake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ident(this.channel)}`);
    } catch (e) {
      this.log.warn({ err: errorMessage(e) }, 'could not LISTEN for outbox rows; polling until it can');
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.onWake();
  }

  private dropped(client: Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer) return;
    this.failures += 1;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.connect();
      },
      backoffDelay(this.failures, this.backoff),
    );
  }
}
