import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { MARK_EFFECTS } from './idempotency.repository';

/** The claim a handler runs under, while it runs. */
export interface RunningClaim {
  id: string;
  attempt: number;
  open: boolean;
}

/** The claim of the request being handled, seen by every transaction the handler opens. */
export const idempotencyEffects = new AsyncLocalStorage<RunningClaim>();

/**
 * Marks the claim in the handler's own transaction, just before it commits: the mark exists exactly when the
 * handler's writes do. A read-only transaction marks too (harmless: its retry answers ANSWER_LOST instead of
 * running again, only after a crash).
 */
class IdempotencyEffectsSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const claim = idempotencyEffects.getStore();
    // Only the outermost commit; releasing a savepoint commits nothing yet.
    if (!claim?.open || (event.queryRunner as unknown as { transactionDepth: number }).transactionDepth !== 1) return;
    await event.queryRunner.query(MARK_EFFECTS, [claim.id, claim.attempt]);
  }
}

/** Installs the subscriber on a DataSource once. */
export function installIdempotencyEffects(dataSource: DataSource): void {
  if (dataSource.subscribers.some((s) => s instanceof IdempotencyEffectsSubscriber)) return;
  dataSource.subscribers.push(new IdempotencyEffectsSubscriber());
}
