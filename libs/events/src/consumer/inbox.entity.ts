import { Column, Entity, PrimaryColumn } from 'typeorm';

export const INBOX_TABLE = 'inbox';

/**
 * The events a service has handled. A consumer inserts the event id in the same transaction as the handler's
 * effects; the primary key makes a redelivered event (BullMQ retries, stalled jobs, relay re-adds) do nothing
 * the second time.
 */
@Entity({ name: INBOX_TABLE })
export class InboxEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'inbox_pkey' })
  eventId: string;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
