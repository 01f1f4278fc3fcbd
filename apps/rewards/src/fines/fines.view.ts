import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FINE_RULES, FineEntryEntity, FineRuleName } from './fine-entry.entity';

/** One booked staff fine, as it leaves the service. */
export class FineView {
  @ApiProperty({ format: 'uuid', description: "The ledger entry's id" })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The fine as imposed (fine.imposed): booked once whatever redelivers it' })
  fineId: string;

  @ApiProperty({ format: 'uuid', description: 'The employee fined' })
  employeeId: string;

  @ApiProperty({ format: 'uuid', description: "The employee's department when fined" })
  departmentId: string;

  @ApiProperty({ type: 'integer', example: 10000, description: 'The amount in fen (1 yuan = 100 fen)' })
  amountFen: number;

  @ApiProperty({ enum: FINE_RULES, example: 'J-7', description: 'The rule that imposed the fine' })
  rule: FineRuleName;

  @ApiProperty({ format: 'uuid', description: 'The event that booked the fine' })
  sourceEventId: string;

  @ApiProperty({ format: 'uuid', description: 'The sheet, dispute or complaint that caused the fine' })
  sourceId: string;

  @ApiProperty({ example: '2026-01-31T16:30:00.000Z', description: 'When the fine was imposed (ISO 8601)' })
  imposedAt: string;

  @ApiProperty({ example: '2026-01-31T16:30:01.000Z', description: 'When rewards booked it (ISO 8601)' })
  createdAt: string;
}

/** The fines of one month of imposition (BUSINESS_TZ). */
export class MonthTotalView {
  @ApiProperty({ example: '2026-01', description: 'YYYY-MM' })
  month: string;

  @ApiProperty({ type: 'integer', example: 2, description: 'Fines imposed in the month' })
  count: number;

  @ApiProperty({ type: 'integer', example: 11000, description: 'Their total in fen' })
  totalFen: number;
}

/** Fine totals per month of an employee or a department, every month of the period listed (0 when none). */
export class FineTotalsView {
  @ApiPropertyOptional({ format: 'uuid', description: 'The employee totalled, when one was asked for' })
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The department totalled (a head's own when they asked for none)" })
  departmentId?: string;

  @ApiProperty({ example: '2026-01-01', description: 'First business day of the period' })
  from: string;

  @ApiProperty({ example: '2026-03-31', description: 'Last business day of the period' })
  to: string;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'The time zone months are read in (BUSINESS_TZ)' })
  timeZone: string;

  @ApiProperty({ type: [MonthTotalView], description: 'Every month of the period, in order' })
  months: MonthTotalView[];

  @ApiProperty({ type: 'integer', example: 3, description: 'Fines in the period' })
  count: number;

  @ApiProperty({ type: 'integer', example: 61000, description: 'Their total in fen' })
  totalFen: number;
}

export function fineView(f: FineEntryEntity): FineView {
  return {
    id: f.id,
    fineId: f.fineId,
    employeeId: f.employeeId,
    departmentId: f.departmentId,
    amountFen: f.amountFen,
    rule: f.rule,
    sourceEventId: f.sourceEventId,
    sourceId: f.sourceId,
    imposedAt: f.imposedAt.toISOString(),
    createdAt: f.createdAt.toISOString(),
  };
}
