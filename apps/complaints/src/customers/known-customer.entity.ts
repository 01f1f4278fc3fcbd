import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who owns each customer, as complaints knows it from customers' events (no personal data, P-1): a complaint
 * names a known customer, and the employee concerned defaults to the owner.
 */
@Entity({ name: 'customers' })
export class KnownCustomerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  ownerId: string;

  @Column('uuid')
  departmentId: string;

  /** When the ownership above was decided: an older event never overwrites a newer one. */
  @Column('timestamptz')
  ownedSince: Date;
}
