import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage, type Page, type Tx } from '@crm/database';
import { TakeoverReportEntity, TakeoverStatus } from './takeover-report.entity';
import { TAKEOVER_LIST_ORDER } from './takeover-list-order';

export type NewTakeoverReport = Pick<
  TakeoverReportEntity,
  'invitationId' | 'meetingId' | 'customerId' | 'ownerId' | 'departmentId' | 'reportingEmployeeId' | 'reportingDepartmentId' | 'createdAt'
>;

/** Every query of takeover reports (V-2). */
@Injectable()
export class TakeoversRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Files a PENDING report unless its invitation filed one already; answers whether it was new. */
  async insertOnce(tx: Tx, report: NewTakeoverReport): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO takeover_reports (invitation_id, meeting_id, customer_id, owner_id, department_id, reporting_employee_id, reporting_department_id, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (invitation_id) DO NOTHING RETURNING id`,
      [
        report.invitationId,
        report.meetingId,
        report.customerId,
        report.ownerId,
        report.departmentId,
        report.reportingEmployeeId,
        report.reportingDepartmentId,
        TakeoverStatus.PENDING,
        report.createdAt,
      ],
    );
    return rows.length > 0;
  }

  /** The report, locked for its decision (two directors deciding at once decide one after the other). */
  lock(tx: Tx, id: string): Promise<TakeoverReportEntity | null> {
    return tx.getRepository(TakeoverReportEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  async decide(tx: Tx, report: TakeoverReportEntity, decision: { status: TakeoverStatus; at: Date; by: string | null; reason: string | null }): Promise<TakeoverReportEntity> {
    await tx.query(`UPDATE takeover_reports SET status = $2, decided_at = $3, decided_by = $4, decline_reason = $5 WHERE id = $1`, [
      report.id,
      decision.status,
      decision.at,
      decision.by,
      decision.reason,
    ]);
    return { ...report, status: decision.status, decidedAt: decision.at, decidedBy: decision.by, declineReason: decision.reason };
  }

  list(status: TakeoverStatus | undefined, limit: number, cursor?: string): Promise<Page<TakeoverReportEntity>> {
    const qb = this.dataSource.getRepository(TakeoverReportEntity).createQueryBuilder('r');
    if (status) qb.andWhere('r.status = :status', { status });
    return keysetPage(qb, 'r.id', { limit, cursor }, TAKEOVER_LIST_ORDER);
  }
}
