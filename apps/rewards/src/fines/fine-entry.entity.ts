import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const FINE_RULES = ['J-7', 'J-11', 'C-2', 'C-3', 'C-4'] as const;

export type FineRuleName = (typeof FINE_RULES)[number];

/**
 * The staff fines ledger: append-only like the points ledger (the same trigger), one entry per fine
 * (`fine_id` unique, so a fine redelivered under another event id is still booked once).
 */
@Entity({ name: 'fine_entries' })
@Index('fine_entries_of_employee', ['employeeId', 'seq'])
@Index('fine_entries_of_department', ['departmentId', 'seq'])
@Check('fine_entries_amount_positive', '"amount_fen" > 0')
@Check('fine_entries_rule', `"rule" IN ('J-7', 'J-11', 'C-2', 'C-3', 'C-4')`)
export class FineEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;

  @Column('uuid', { unique: true })
  fineId: string;

  @Column('uuid')
  employeeId: string;

  @Column('uuid')
  departmentId: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  @Column('text')
  rule: FineRuleName;

  @Column('uuid')
  sourceEventId: string;

  /** The sheet, dispute or complaint that caused the fine. */
  @Column('uuid')
  sourceId: string;

  @Column('timestamptz')
  imposedAt: Date;

  @Column('timestamptz')
  createdAt: Date;
}
