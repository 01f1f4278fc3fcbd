import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { addDays, businessDate, Clock, zonedInstant } from '@crm/clock';
import { DEFAULT_PAGE_SIZE, Page, type Tx } from '@crm/database';
import type { EventPayload } from '@crm/events';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';
import { FineEntryEntity } from './fine-entry.entity';
import { monthsBetween, totalsPeriod } from './fine-months';
import { FineFilter, visibleFines } from './fine-visibility';
import { FineErrors } from './fines.errors';
import { FinesRepository } from './fines.repository';
import { FineTotalsView, FineView, fineView } from './fines.view';

/** staff fines as booked from fine.imposed, shown to whom visibleFines allows. */
@Injectable()
export class FinesService {
  constructor(
    private readonly fines: FinesRepository,
    private readonly clock: Clock,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  /** fine.imposed, in the event's inbox transaction: booked once, whatever redelivers it. */
  async imposed(tx: Tx, e: EventPayload<'fine.imposed'>, eventId: string): Promise<void> {
    await this.fines.book(tx, e, eventId, this.clock.now());
  }

  async list(caller: Principal | undefined, asked: FineFilter, page: { limit?: number; cursor?: string }): Promise<Page<FineView>> {
    const result = await this.entries(caller, asked, page);
    return { items: result.items.map(fineView), nextCursor: result.nextCursor };
  }

  /** The fines the caller may see, newest first, as booked (GraphQL's edges need each entry's seq for a cursor). */
  entries(caller: Principal | undefined, asked: FineFilter, page: { limit?: number; cursor?: string }): Promise<Page<FineEntryEntity>> {
    return this.fines.page(visibleFines(caller, asked), { limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor });
  }

  /** Totals per month of imposition in BUSINESS_TZ, every month of the period listed (0 when none). */
  async totals(caller: Principal | undefined, asked: FineFilter & { from?: string; to?: string }): Promise<FineTotalsView> {
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
