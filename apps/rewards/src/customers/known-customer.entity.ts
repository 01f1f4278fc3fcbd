import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The customers rewards has heard of (registrations, handed over by the ownership replica): a known customer without points answers a
 * balance of 0, an unknown one 404. No personal data is kept (P-1).
 */
@Entity({ name: 'customers' })
export class KnownCustomerEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  referrerId: string | null;

  @Column('timestamptz')
  registeredAt: Date;
}
