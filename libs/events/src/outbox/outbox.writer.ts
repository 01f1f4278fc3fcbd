import { randomUUID } from 'node:crypto';
import { Clock } from '@crm/clock';
import { requestContext } from '@crm/logging';
import type { EntityManager } from 'typeorm';
import { definitionOf, isEventName, isProducerOf, type EventsProducedBy } from '../catalogue/catalogue';
import type { AnyEventEnvelope, DomainEvent } from '../catalogue/envelope';
import type { ServiceName } from '../catalogue/services';
import { qualified, schemaOf } from '../support/sql';
import { OUTBOX_TABLE } from './outbox.entity';
import { installCommitHook, markPending, outboxChannel, outboxSignal } from './outbox-signal';

const COLUMNS = 6;

/**
 * Writes a command's events to the service's outbox inside the command's own transaction (architecture.md
 * "Events"): the events exist exactly when the state change does, and a Redis outage cannot fail the command.
 *
 * `S` narrows, at compile time, which events this service may write: inject `OutboxWriter<'campaigns'>` and
 * appending `customer.registered` does not compile. The same rule is checked at run time.
 */
export class OutboxWriter<S extends ServiceName = ServiceName> {
  constructor(
    readonly service: S,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one or more events with one multi-row INSERT and a NOTIFY (delivered by PostgreSQL only on
   * commit, so the relay never wakes for rows it cannot yet see). Pass the transaction's EntityManager.
   */
  async append(
    manager: EntityManager,
    events: DomainEvent<EventsProducedBy<S>> | readonly DomainEvent<EventsProducedBy<S>>[],
  ): Promise<AnyEventEnvelope[]> {
    const list = (Array.isArray(events) ? events : [events]) as readonly DomainEvent[];
    if (list.length === 0) return [];
    const occurredAt = this.clock.now().toISOString();
    const requestId = requestContext.requestId() ?? null;
    const envelopes = list.map((event) => {
      if (!isEventName(event.name))
        throw new Error(`Unknown event ${String(event.name)}: add it to the catalogue`);
      if (!isProducerOf(this.service, event.name)) {
        throw new Error(`${this.service} is not a producer of ${event.name} in the event catalogue`);
      }
      return {
        id: randomUUID(),
        name: event.name,
        version: definitionOf(event.name).version,
        producer: this.service,
        payload: event.payload,
        requestId,
        occurredAt,
      } as AnyEventEnvelope;
    });

    const schema = schemaOf(manager.dataSource);
    const params: unknown[] = [];
    const rows = envelopes.map((e, i) => {
      params.push(e.id, e.name, e.version, JSON.stringify(e.payload), e.requestId, e.occurredAt);
      const p = (k: number) => `$${i * COLUMNS + k}`;
      return `(${p(1)}::uuid, ${p(2)}, ${p(3)}::int, ${p(4)}::jsonb, ${p(5)}, ${p(6)}::timestamptz)`;
    });
    params.push(outboxChannel(schema));
    // One round trip: the insert and the notification (whose payload, the last sequence, is informational).
    await manager.query(
      `WITH appended AS (
         INSERT INTO ${qualified(schema, OUTBOX_TABLE)} (id, name, version, payload, request_id, occurred_at)
         VALUES ${rows.join(', ')}
         RETURNING sequence
       )
       SELECT pg_notify($${params.length}, max(sequence)::text) FROM appended`,
      params,
    );

    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) {
      installCommitHook(manager.dataSource);
      markPending(runner);
    } else {
      // Autocommit: the rows are already visible.
      outboxSignal.committed(manager.dataSource);
    }
    return envelopes;
  }
}
