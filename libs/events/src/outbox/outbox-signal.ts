import { EventEmitter } from 'node:events';
import type {
  DataSource,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * In-process wake-up for the relay. PostgreSQL's NOTIFY already wakes every relay when an outbox transaction
 * commits, but only while its LISTEN connection is up; this path needs no connection at all. Appending marks
 * the transaction's query runner; the commit hook below then signals the relay of the same DataSource.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

const PENDING = 'crm.events.outboxPending';

/** Keyed by DataSource: "in-process" means the relay that shares the writer's connection pool. */
export const outboxSignal = {
  committed(dataSource: DataSource): void {
    emitter.emit('committed', dataSource);
  },
  /** Returns the function that stops listening. */
  onCommitted(dataSource: DataSource, listener: () => void): () => void {
    const filtered = (from: DataSource) => {
      if (from === dataSource) listener();
    };
    emitter.on('committed', filtered);
    return () => emitter.off('committed', filtered);
  },
};

/** The channel the writer NOTIFYs and the relay LISTENs on: one per service schema. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // Releasing a savepoint also "commits": only the outermost commit makes the rows visible.
    if (runner.isTransactionActive) return;
    if (runner.data?.[PENDING]) {
      delete runner.data[PENDING];
      outboxSignal.committed(event.dataSource);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data?.[PENDING];
  }
}

/** Installs the commit hook on a DataSource once; idempotent, so writers can call it on every append. */
export function installCommitHook(dataSource: DataSource): void {
  if (dataSource.subscribers.some((s) => s instanceof OutboxCommitSubscriber)) return;
  dataSource.subscribers.push(new OutboxCommitSubscriber());
}

export function markPending(runner: { data: Record<string, unknown> }): void {
  runner.data[PENDING] = true;
}
