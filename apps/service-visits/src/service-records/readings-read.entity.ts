import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** P-2: every time health readings were shown, to whom, of which record and customer, when. Append-only. */
@Entity({ name: 'readings_reads' })
@Index('readings_reads_of_customer', ['customerId', 'at'])
export class ReadingsReadEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** 'employee:<id>'. */
  @Column('text')
  actor: string;

  @Column('uuid')
  serviceRecordId: string;

  @Column('uuid')
  customerId: string;

  /** Where the readings were shown (e.g. `GET /api/v1/service-records`). */
  @Column('text')
  channel: string;

  @Column('timestamptz')
  at: Date;
}
