import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The V-2 verdict service-visits last gave on a customer (`customer.under_served` / `customer.served`): while a
 * customer is under-served, any department of a meeting may invite them (J-2). Who owns the customer comes from
 * the shared customer-ownership read model (@crm/service-kit); the owner the verdict named is kept too, so a
 * verdict that arrives before customers' event still makes the customer known (as it always did).
 */
@Entity({ name: 'under_served_customers' })
export class UnderServedCustomerEntity {
  @PrimaryColumn('uuid')
  customerId: string;

  /** The owner and department the verdict was about. */
  @Column('uuid')
  ownerId: string;

  @Column('uuid')
  departmentId: string;

  @Column('boolean')
  underServed: boolean;

  /** When service-visits reached the verdict: an older verdict never overwrites a newer one. */
  @Column('timestamptz')
  verdictAt: Date;
}
