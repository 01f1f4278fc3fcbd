import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who owns each customer, as a service other than customers knows it from customers' events
 * (`customer.registered`, `customer.assigned`, `customer.transferred`). No personal data (P-1): ids only.
 * Every service that needs ownership (J-2 invitations, C-1 complaints, P-1 and V-2 service visits) keeps this
 * one table in its own schema, fed by CustomerOwnershipReplica.
 */
@Entity({ name: 'customer_ownership' })
@Index('customer_ownership_by_owner', ['ownerId'])
@Index('customer_ownership_by_department', ['departmentId'])
export class CustomerOwnership {
  @PrimaryColumn('uuid')
  customerId: string;

  @Column('uuid')
  ownerId: string;

  @Column('uuid')
  departmentId: string;

  /** When customers decided this ownership: an older event never overwrites a newer one. */
  @Column('timestamptz')
  ownedSince: Date;
}
