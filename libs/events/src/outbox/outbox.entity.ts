import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const OUTBOX_TABLE = 'outbox';
export const OUTBOX_UNPUBLISHED_INDEX = 'outbox_unpublished_idx';

/**
 * A service's outbox (architecture.md "Events"): commands write their events here in the same transaction as
 * their state, so an event exists exactly when the change it describes does. The relay moves unpublished
 * rows to BullMQ. No schema here: the DataSource's `schema` option places it in the service's schema.
 */
@Entity({ name: OUTBOX_TABLE })
@Index(OUTBOX_UNPUBLISHED_INDEX, ['sequence'], { where: '"published_at" IS NULL' })
export class OutboxEventEntity {
  /** The event id: also the BullMQ job id and the consumers' inbox key. */
  @PrimaryColumn({ name: 'id', type: 'uuid', primaryKeyConstraintName: 'outbox_pkey' })
  id: string;

  /** Insertion order, so the relay publishes in the order events were written. bigint arrives as a string. */
  @Column({ name: 'sequence', type: 'bigint', generated: 'increment' })
  sequence: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'version', type: 'integer' })
  version: number;

  @Column({ name: 'payload', type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Publication attempts, with the last failure, so a stuck row shows why in plain SQL. */
  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
