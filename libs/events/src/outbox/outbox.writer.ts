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
   * Appends one or more events with one INSERT and a NOTIFY (delivered by PostgreSQL only on commit, so the
   * relay never wakes for rows it cannot yet see). Pass the transaction's EntityManager.
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
    // One array per column, whatever the number of events: the statement's text and its 7 parameters stay the
    // same, where a VALUES list with 6 parameters per event (12,000 for the 2,000 events of an archive chunk)
    // gave PostgreSQL a statement to parse and plan that grew with the batch; about 1.6 times as fast for
    // large batches (bench/README.md). `sequence` is a nextval per inserted row: ORDER BY the ordinality
    // keeps it in the order of `events` (the function scan yields that order already, so no sort is added).
    const params = [
      envelopes.map((e) => e.id),
      envelopes.map((e) => e.name),
      envelopes.map((e) => e.version),
      envelopes.map((e) => JSON.stringify(e.payload)),
      envelopes.map((e) => e.requestId),
      envelopes.map((e) => e.occurredAt),
      outboxChannel(schema),
    ];
    // One round trip: the insert and the notification (whose payload, the last sequence, is informational).
    await manager.query(
      `WITH appended AS (
         INSERT INTO ${qualified(schema, OUTBOX_TABLE)} (id, name, version, payload, request_id, occurred_at)
         SELECT id, name, version, payload, request_id, occurred_at
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[], $5::text[], $6::timestamptz[])
                WITH ORDINALITY AS e (id, name, version, payload, request_id, occurred_at, position)
          ORDER BY position
         RETURNING sequence
       )
       SELECT pg_notify($7, max(sequence)::text) FROM appended`,
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
