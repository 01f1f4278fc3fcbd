import type { Logger } from 'pino';
import { consumersOf, isEventName } from '../catalogue/catalogue';
import type { AnyEventEnvelope } from '../catalogue/envelope';
import { queueFor, type ServiceName } from '../catalogue/services';
import { EVENT_BACKOFF_TYPE, MAX_DELIVERY_ATTEMPTS } from './delivery';

/** An outbox row as the relay claims it. */
export interface OutboxRow {
  id: string;
  name: string;
  version: number;
  payload: Record<string, unknown>;
  request_id: string | null;
  occurred_at: Date;
}

export interface EventJob {
  name: string;
  data: AnyEventEnvelope;
  opts: object;
}

/**
 * The BullMQ jobs for claimed rows: one per consuming service's queue (the catalogue routes), the event id as job
 * id so adding the same event again is a no-op, in sequence order within each queue.
 */
export function jobsByQueue(rows: readonly OutboxRow[], producer: ServiceName, log: Logger): Map<string, EventJob[]> {
  const byQueue = new Map<string, EventJob[]>();
  for (const row of rows) {
    if (!isEventName(row.name)) {
      // Only possible if an event left the catalogue while rows of it were waiting; nobody can consume it.
      log.error({ eventId: row.id, event: row.name }, 'outbox row names an event missing from the catalogue; not delivered');
      continue;
    }
    const envelope = {
      id: row.id,
      name: row.name,
      version: row.version,
      producer,
      payload: row.payload,
      requestId: row.request_id,
      occurredAt: new Date(row.occurred_at).toISOString(),
    } as unknown as AnyEventEnvelope; // the payload was typed when it was appended
    for (const consumer of consumersOf(row.name)) {
      const queue = queueFor(consumer);
      const jobs = byQueue.get(queue) ?? [];
      jobs.push({ name: row.name, data: envelope, opts: { jobId: row.id, attempts: MAX_DELIVERY_ATTEMPTS, backoff: { type: EVENT_BACKOFF_TYPE } } });
      byQueue.set(queue, jobs);
    }
  }
  return byQueue;
}
