import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export interface DuplicateRow {
  row: number;
  phone: string;
  customerId: string | null;
  duplicateOfRow?: number;
}

export interface InvalidRow {
  row: number;
  field: string;
  reason: string;
}

/** One entered batch of archives from an outreach event, with its O-3 report and its O-4 allocation. */
@Entity({ name: 'archive_batches' })
export class ArchiveBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  outreachEventId: string;

  @Column('uuid')
  departmentId: string;

  @Column('uuid', { nullable: true })
  submittedBy: string | null;

  @Column('timestamptz')
  submittedAt: Date;

  @Column('int')
  accepted: number;

  @Column('jsonb')
  duplicates: DuplicateRow[];

  @Column('jsonb')
  invalid: InvalidRow[];

  @Column('timestamptz', { nullable: true })
  allocatedAt: Date | null;

  @Column('uuid', { nullable: true })
  allocatedBy: string | null;
}

/** The new customers a batch created, in row order, and (once allocated) who got each (O-4, 公开). */
@Entity({ name: 'archive_batch_customers' })
export class ArchiveBatchCustomerEntity {
  @PrimaryColumn('uuid')
  batchId: string;

  @PrimaryColumn('int')
  row: number;

  @Index({ unique: true })
  @Column('uuid')
  customerId: string;

  @Column('uuid', { nullable: true })
  employeeId: string | null;
}
