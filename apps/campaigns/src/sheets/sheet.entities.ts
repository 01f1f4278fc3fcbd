import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A department's daily invitation sheet for a joint meeting (J-3), as handed in. A department may hand in several
 * for a day (supplementary sheets, each adding customers); J-7 counts a day on time when one of them is.
 */
@Entity({ name: 'sheets' })
@Index('sheets_by_department_day', ['meetingId', 'departmentId', 'forDay'])
export class SheetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  departmentId: string;

  @Column('uuid', { nullable: true })
  submittedBy: string | null;

  @Column('timestamptz')
  submittedAt: Date;

  /** The obligation day the sheet fulfils (J-7). */
  @Column('date')
  forDay: string;

  /** The day its customers count for in precedence (J-4). */
  @Column('date')
  effectiveDay: string;

  @Column('boolean')
  late: boolean;

  @Column('uuid', { array: true })
  customerIds: string[];

  @Column('uuid', { array: true })
  plannedCustomerIds: string[];

  /** J-12: customers lined up to speak or lead others, reserved to the department for the meeting. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  speakerCustomerIds: string[];
}

export enum ClaimOutcome {
  /** Listed on a late sheet: settled at the reconciliation of its effective day (J-4). */
  PENDING = 'PENDING',
  LOCKED = 'LOCKED',
  LOST = 'LOST',
}

/** One customer listed on one sheet, and how the listing ended. */
@Entity({ name: 'sheet_claims' })
@Index(['meetingId', 'customerId'])
export class SheetClaimEntity {
  @PrimaryColumn('uuid')
  sheetId: string;

  @PrimaryColumn('uuid')
  customerId: string;

  @Column('uuid')
  meetingId: string;

  @Column('uuid')
  departmentId: string;

  @Column('date')
  effectiveDay: string;

  @Column('boolean')
  late: boolean;

  @Column('timestamptz')
  submittedAt: Date;

  @Column('text')
  outcome: ClaimOutcome;

  /** Why a LOST claim lost (claim-precedence.ts). */
  @Column('text', { nullable: true })
  reason: string | null;
}

/** J-8: the reconciliation of one meeting day, made once; the report is what goes back to the heads. */
@Entity({ name: 'reconciliations' })
export class ReconciliationEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('timestamptz')
  reconciledAt: Date;

  @Column('jsonb')
  report: Record<string, unknown>;
}

/** J-7: one fine per department and day, whatever the number of sweep runs (the key is the rule). */
@Entity({ name: 'sheet_fines' })
export class SheetFineEntity {
  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  departmentId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('uuid')
  fineId: string;

  @Column('text')
  status: 'LATE' | 'MISSING';

  /** The head fined; null when the department had no head (reported, nobody to fine). */
  @Column('uuid', { nullable: true })
  headId: string | null;

  @Column('integer')
  amountFen: number;
}
