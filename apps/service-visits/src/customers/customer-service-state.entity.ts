import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What service-visits keeps of a customer besides who owns them (customer_ownership, the shared read model of
 * customers' events): the stage (V-3 cadence) and the V-2 state. No personal data (P-1). A row may exist before
 * the owner is known, when an attendance or a stage change overtakes the registration on the queue; its
 * window_start stays NULL until then.
 */
@Entity({ name: 'customer_service_state' })
// The service-adequacy sweep reads only customers not yet flagged whose window started long enough ago; a window
// starts only once the customer is owned (window_start IS NOT NULL means what owner_id IS NOT NULL meant).
@Index('customer_service_state_adequacy_due', ['windowStart'], { where: 'NOT "under_served" AND "window_start" IS NOT NULL' })
// The director's list, in id order; the department filter joins customer_ownership by primary key.
@Index('customer_service_state_under_served', ['id'], { where: '"under_served"' })
// The sweep's catch-up clear: flagged customers whose window restarted (served again), without reading the rest.
@Index('customer_service_state_flagged_window', ['windowStart'], { where: '"under_served"' })
export class CustomerServiceStateEntity {
  /** The customer's id. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { nullable: true })
  stage: string | null;

  @Column('timestamptz', { nullable: true })
  stageSince: Date | null;

  /** The last meeting attended or owner-department home visit (V-2). */
  @Column('timestamptz', { nullable: true })
  lastServedAt: Date | null;

  /**
   * The later of the ownership's owned_since and lastServedAt (adequacy-window.ts windowStart), kept for the
   * sweep's index; NULL while the customer has no known owner.
   */
  @Column('timestamptz', { nullable: true })
  windowStart: Date | null;

  @Column('boolean', { default: false })
  underServed: boolean;

  /** When the under-served flag was last set or cleared. */
  @Column('timestamptz', { nullable: true })
  servedStateAt: Date | null;
}
