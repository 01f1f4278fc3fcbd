import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who owns each customer, as campaigns knows it from customers' events (architecture.md: services share
 * nothing but contracts), and whether service-visits flagged the customer under-served (V-2). J-2 decides
 * who may invite whom from this table.
 */
@Entity({ name: 'customer_owners' })
export class CustomerOwnerEntity {
  @PrimaryColumn('uuid')
  customerId: string;

  @Column('uuid')
  ownerId: string;

  @Column('uuid')
  departmentId: string;

  /** When the ownership above was decided: an older event never overwrites a newer one. */
  @Column('timestamptz')
  ownedSince: Date;

  @Column('boolean', { default: false })
  underServed: boolean;

  /** When the under-served flag was last set or cleared, for the same reason. */
  @Column('timestamptz', { nullable: true })
  servedStateAt: Date | null;
}
