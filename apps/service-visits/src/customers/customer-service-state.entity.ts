import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A customer as service-visits knows it from customers' and campaigns' events (no personal data, P-1): the
 * owner and department (P-1 visibility, V-2's owning department, V-3 whose visit it is), the stage (V-3
 * cadence) and the V-2 state. The owner may be unknown for a while when an attendance overtakes the
 * registration on the queue.
 */
@Entity({ name: 'customers' })
// The service-adequacy sweep reads only customers not yet flagged whose window started long enough ago.
@Index('customers_adequacy_due', ['windowStart'], { where: 'NOT "under_served" AND "owner_id" IS NOT NULL' })
@Index('customers_under_served', ['departmentId', 'id'], { where: '"under_served"' })
// The sweep's catch-up clear: flagged customers whose window restarted (served again), without reading the rest.
@Index('customers_flagged_window', ['windowStart'], { where: '"under_served"' })
export class ServedCustomerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @Column('uuid', { nullable: true })
  departmentId: string | null;

  /** Joined, or last assigned to its owner: an older event never overwrites a newer one. */
  @Column('timestamptz', { nullable: true })
  ownedSince: Date | null;

  @Column('text', { nullable: true })
  stage: string | null;

  @Column('timestamptz', { nullable: true })
  stageSince: Date | null;

  /** The last meeting attended or owner-department home visit (V-2). */
  @Column('timestamptz', { nullable: true })
  lastServedAt: Date | null;

  /** The later of ownedSince and lastServedAt (adequacy-window.ts windowStart), kept for the sweep's index. */
  @Column('timestamptz', { nullable: true })
  windowStart: Date | null;

  @Column('boolean', { default: false })
  underServed: boolean;

  /** When the under-served flag was last set or cleared. */
  @Column('timestamptz', { nullable: true })
  servedStateAt: Date | null;
}
