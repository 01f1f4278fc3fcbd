import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { addDays, businessDate, Clock, zonedInstant } from '@crm/clock';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';
import { FineEntryEntity } from './fine-entry.entity';
import { monthsBetween, totalsPeriod } from './fine-months';
import { FineFilter, visibleFines } from './fine-visibility';
import { FineErrors } from './fines.errors';
import { FinesRepository, MonthTotal } from './fines.repository';

export interface FineView {
  id: string;
  fineId: string;
  employeeId: string;
  departmentId: string;
  amountFen: number;
  rule: string;
  sourceEventId: string;
  sourceId: string;
  imposedAt: string;
  createdAt: string;
}

export interface FineTotals extends FineFilter {
  from: string;
  to: string;
  timeZone: string;
  months: MonthTotal[];
  count: number;
  totalFen: number;
}

function fineView(f: FineEntryEntity): FineView {
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

/** staff fines as booked from fine.imposed, shown to whom visibleFines allows. */
@Injectable()
export class FinesService {
  constructor(
    private readonly fines: FinesRepository,
    private readonly clock: Clock,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  async list(caller: Principal | undefined, asked: FineFilter, page: { limit?: number; cursor?: string }) {
    const filter = visibleFines(caller, asked);
    const result = await this.fines.page(filter, { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
    return { items: result.items.map(fineView), nextCursor: result.nextCursor };
  }

  /** Totals per month of imposition in BUSINESS_TZ, every month of the period listed (0 when none). */
  async totals(caller: Principal | undefined, asked: FineFilter & { from?: string; to?: string }): Promise<FineTotals> {
    const filter = visibleFines(caller, { employeeId: asked.employeeId, departmentId: asked.departmentId });
    const tz = this.options.tz;
    const period = totalsPeriod({ from: asked.from, to: asked.to }, businessDate(this.clock.now(), tz));
    if (typeof period === 'string') throw FineErrors.FINE_PERIOD_INVALID(period);
    const found = new Map((await this.fines.monthTotals(filter, zonedInstant(period.from, '00:00', tz), zonedInstant(addDays(period.to, 1), '00:00', tz), tz)).map((m) => [m.month, m]));
    const months = monthsBetween(period.from, period.to).map((month) => found.get(month) ?? { month, count: 0, totalFen: 0 });
    return {
      ...filter,
      ...period,
      timeZone: tz,
      months,
      count: months.reduce((n, m) => n + m.count, 0),
      totalFen: months.reduce((n, m) => n + m.totalFen, 0),
    };
  }
}
