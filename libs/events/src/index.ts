// The event backbone (architecture.md "Events"): catalogue, outbox, relay, inbox consumer, sweeps, wiring.
export * from './catalogue';
export { OutboxEventEntity, OUTBOX_TABLE } from './outbox/outbox.entity';
export { OutboxWriter } from './outbox/outbox.writer';
export { outboxChannel } from './outbox/outbox-signal';
export { OutboxRelay, type OutboxRelayOptions, type RelayPass } from './relay/outbox.relay';
export { EVENT_BACKOFF_TYPE, MAX_DELIVERY_ATTEMPTS } from './relay/delivery';
export { InboxEventEntity, INBOX_TABLE } from './consumer/inbox.entity';
export {
  EventConsumer,
  type EventConsumerOptions,
  type EventContext,
  type EventHandler,
  type HandleOutcome,
} from './consumer/event.consumer';
export {
  SweepRunner,
  SweepBusyError,
  UnknownSweepError,
  type SweepDefinition,
  type SweepHandler,
  type SweepOutcome,
  type SweepRunnerOptions,
  type SweepTrigger,
} from './sweeps/sweep.runner';
export { checkRedisEvictionPolicy, type EvictionPolicyCheck } from './redis/eviction-policy';
export { eventTablesSql, EVENT_ENTITIES, type MigrationSql } from './migrations/event-tables.sql';
export type { BackoffPolicy } from './support/backoff';
export {
  EventsModule,
  EventsLifecycle,
  EVENTS_OPTIONS,
  type EventsModuleOptions,
  type EventsModuleAsyncOptions,
} from './events.module';
export { SweepsAdminModule } from './sweeps/sweeps-admin.module';
export { SweepErrors } from './sweeps/sweeps-admin.controller';
