import type { EventName, EventPayload } from './catalogue';
import type { IsoInstant, Uuid } from './domain-types';
import type { ServiceName } from './services';

/** What a command hands to the outbox: a catalogued name and the payload that name requires. */
export type DomainEvent<N extends EventName = EventName> = {
  [K in N]: { name: K; payload: EventPayload<K> };
}[N];

/**
 * An event as it travels: one outbox row, one BullMQ job's data. The id is the outbox row's primary key, the
 * BullMQ job id, and the consumer's inbox key, so every hop can tell a redelivery from a new event.
 */
export interface EventEnvelope<N extends EventName = EventName> {
  id: Uuid;
  name: N;
  version: number;
  producer: ServiceName;
  payload: EventPayload<N>;
  /** The request that caused it, so consumers' log lines join the producer's; null for sweeps without one. */
  requestId: string | null;
  occurredAt: IsoInstant;
}

/** An envelope of any event, discriminated by name. */
export type AnyEventEnvelope = { [K in EventName]: EventEnvelope<K> }[EventName];
