import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { connectionTypes } from '@crm/http';

@ObjectType({ description: 'One booked staff fine (R-4)' })
export class Fine {
  @Field(() => ID, { description: "The ledger entry's id" })
  id: string;

  @Field(() => ID, { description: 'The fine as imposed (fine.imposed): booked once whatever redelivers it' })
  fineId: string;

  @Field(() => ID, { description: 'The employee fined' })
  employeeId: string;

  @Field(() => ID, { description: "The employee's department when fined" })
  departmentId: string;

  @Field(() => Float, { description: 'The amount in fen (1 yuan = 100 fen), an integer' })
  amountFen: number;

  @Field({ description: 'The rule that imposed the fine (J-7, J-11, C-2, C-3, C-4, …)' })
  rule: string;

  @Field(() => ID, { description: 'The event that booked the fine' })
  sourceEventId: string;

  @Field(() => ID, { description: 'The sheet, dispute or complaint that caused the fine' })
  sourceId: string;

  @Field({ description: 'ISO 8601 instant the fine was imposed' })
  imposedAt: string;

  @Field({ description: 'ISO 8601 instant rewards booked it' })
  createdAt: string;
}

@ObjectType({ description: 'The fines of one month of imposition (BUSINESS_TZ)' })
export class FineMonthTotal {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int, { description: 'Fines imposed in the month' })
  count: number;

  @Field(() => Float, { description: 'Their total in fen' })
  totalFen: number;
}

@ObjectType({
  description:
    'Fine totals per month of an employee or a department (R-4), every month of the period listed (0 when none)',
})
export class FineTotals {
  @Field(() => ID, { nullable: true, description: 'The employee totalled, when one was asked for' })
  employeeId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The department totalled (a head's own when they asked for none)",
  })
  departmentId?: string;

  @Field({ description: 'First business day of the period, YYYY-MM-DD' })
  from: string;

  @Field({ description: 'Last business day of the period, YYYY-MM-DD' })
  to: string;

  @Field({ description: 'The time zone months are read in (BUSINESS_TZ)' })
  timeZone: string;

  @Field(() => [FineMonthTotal], {
    description: 'Every month of the period, in order (a fixed, short list: not a connection)',
  })
  months: FineMonthTotal[];

  @Field(() => Int, { description: 'Fines in the period' })
  count: number;

  @Field(() => Float, { description: 'Their total in fen' })
  totalFen: number;
}

export const FineConnection = connectionTypes(Fine, 'Fine', 'fine');
