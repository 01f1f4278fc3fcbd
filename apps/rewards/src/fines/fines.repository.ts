import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Page, type Tx } from '@crm/database';
import type { EventPayload } from '@crm/events';
import { newestFirstPage } from '../database/newest-first-page';
import type { FineFilter } from './fine-visibility';
import { FineEntryEntity } from './fine-entry.entity';

export interface MonthTotal {
  month: string;
  count: number;
  totalFen: number;
}

/** Every query on the fines ledger. */
@Injectable()
export class FinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Books a fine once: a fine already booked (under any event) is left as it is. */
  async book(tx: Tx, f: EventPayload<'fine.imposed'>, sourceEventId: string, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO fine_entries (id, fine_id, employee_id, department_id, amount_fen, rule, source_event_id, source_id, imposed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (fine_id) DO NOTHING`,
      [randomUUID(), f.fineId, f.employeeId, f.departmentId, f.amountFen, f.rule, sourceEventId, f.sourceId, f.imposedAt, now],
    );
  }

  page(filter: FineFilter, page: { limit: number; cursor?: string }): Promise<Page<FineEntryEntity>> {
    const qb = this.dataSource.getRepository(FineEntryEntity).createQueryBuilder('f').where('true');
    if (filter.employeeId) qb.andWhere('f.employee_id = :employeeId', { employeeId: filter.employeeId });
    if (filter.departmentId) qb.andWhere('f.department_id = :departmentId', { departmentId: filter.departmentId });
    return newestFirstPage(qb, 'f', page);
  }

  /** Count and sum per month of imposition, months read in `tz`, for fines imposed in [from, until). */
  async monthTotals(filter: FineFilter, from: Date, until: Date, tz: string): Promise<MonthTotal[]> {
    const rows: { month: string; count: number; total: string }[] = await this.dataSource.query(
      `SELECT to_char(imposed_at AT TIME ZONE $1, 'YYYY-MM') AS month, count(*)::int AS count, sum(amount_fen)::text AS total
       FROM fine_entries
       WHERE imposed_at >= $2 AND imposed_at < $3 AND ($4::uuid IS NULL OR employee_id = $4) AND ($5::uuid IS NULL OR department_id = $5)
       GROUP BY 1 ORDER BY 1`,
      [tz, from, until, filter.employeeId ?? null, filter.departmentId ?? null],
    );
    return rows.map((r) => ({ month: r.month, count: r.count, totalFen: Number(r.total) }));
  }
}
