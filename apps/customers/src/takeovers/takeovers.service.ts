import { Injectable, Logger } from '@nestjs/common';
import { isEmployee, Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions, type Page, type Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { TakeoverReported } from '@crm/events';
import { CustomersService } from '../customers/customers.service';
import { actorOf } from '../audit/actor';
import { OwnershipService } from '../ownership/ownership.service';
import { TakeoverReportEntity, TakeoverStatus } from './takeover-report.entity';
import { approvalBlocker, isDecided } from './takeover-rules';
import { TakeoverErrors } from './takeovers.errors';
import { TakeoversRepository } from './takeovers.repository';

/**
 * V-2 takeover reports: an invitation of another department's under-served customer files one (campaigns'
 * `takeover.reported`), and the resource director decides it. Approved, the customer moves to the reporting
 * employee through the one ownership writer (history, audit and `customer.transferred` with cause
 * `UNDER_SERVED` and the report's id); declined, nothing moves. A report is decided once.
 *
 * Approval needs the customer still to belong to the department that was reported: if the customer was moved
 * meanwhile (a transfer, a C-4 breach, an earlier approved report) the report is stale and approval is refused
 * with 409 TAKEOVER_CUSTOMER_MOVED (the director may still decline it). Being served again meanwhile does not
 * block approval: the report was filed while the customer was under-served, and the reporting employee's own
 * meeting is what usually serves them again.
 */
@Injectable()
export class TakeoversService {
  private readonly log = new Logger('Takeovers');

  constructor(
    private readonly transactions: Transactions,
    private readonly reports: TakeoversRepository,
    private readonly ownership: OwnershipService,
    private readonly customers: CustomersService,
    private readonly clock: Clock,
  ) {}

  /** `takeover.reported`: files the report, once per invitation (a redelivery or a repeat files nothing). */
  async record(tx: Tx, event: TakeoverReported): Promise<void> {
    const filed = await this.reports.insertOnce(tx, {
      invitationId: event.invitationId,
      meetingId: event.meetingId,
      customerId: event.customerId,
      ownerId: event.ownerId,
      departmentId: event.departmentId,
      reportingEmployeeId: event.reportingEmployeeId,
      reportingDepartmentId: event.reportingDepartmentId,
      createdAt: new Date(event.reportedAt),
    });
    if (!filed) this.log.log(`invitation ${event.invitationId} already filed its takeover report`);
  }

  list(status: TakeoverStatus | undefined, limit: number, cursor?: string): Promise<Page<TakeoverReportEntity>> {
    return this.reports.list(status, limit, cursor);
  }

  async approve(viewer: Principal | undefined, id: string): Promise<TakeoverReportEntity> {
    const decidedBy = isEmployee(viewer) ? viewer.employeeId : null;
    return this.transactions.run(async (tx) => {
      const report = await this.pending(tx, id);
      const owner = await this.ownership.lock(tx, report.customerId);
      const blocker = approvalBlocker(report, owner);
      if (blocker?.code === 'TAKEOVER_CUSTOMER_MOVED') {
        throw TakeoverErrors.TAKEOVER_CUSTOMER_MOVED(
          `Customer ${report.customerId} was reported in department ${report.departmentId} and ${owner ? `now belongs to department ${owner.departmentId}` : 'is not known'}; decline the report instead`,
          { customerId: report.customerId, reportedDepartmentId: report.departmentId, currentDepartmentId: blocker.currentDepartmentId },
        );
      }
      await this.customers.transfer(
        {
          customerId: report.customerId,
          toEmployeeId: report.reportingEmployeeId,
          reason: `takeover report ${report.id} approved: invited while under-served (V-2)`,
          cause: 'UNDER_SERVED',
          causeId: report.id,
          actorId: decidedBy,
        },
        actorOf(viewer),
        tx,
      );
      return this.reports.decide(tx, report, { status: TakeoverStatus.APPROVED, at: this.clock.now(), by: decidedBy, reason: null });
    });
  }

  async decline(viewer: Principal | undefined, id: string, reason: string): Promise<TakeoverReportEntity> {
    const why = reason.trim();
    if (!why || why.length > 500) throw CommonErrors.VALIDATION_FAILED('reason must be 1 to 500 characters', { errors: [{ field: 'reason', reason: 'length' }] });
    const decidedBy = isEmployee(viewer) ? viewer.employeeId : null;
    return this.transactions.run(async (tx) => {
      const report = await this.pending(tx, id);
      return this.reports.decide(tx, report, { status: TakeoverStatus.DECLINED, at: this.clock.now(), by: decidedBy, reason: why });
    });
  }

  /** The report locked for its decision: 404 when unknown, 409 once decided. */
  private async pending(tx: Tx, id: string): Promise<TakeoverReportEntity> {
    const report = await this.reports.lock(tx, id);
    if (!report) throw TakeoverErrors.TAKEOVER_REPORT_NOT_FOUND(`No takeover report ${id}`);
    if (isDecided(report)) {
      throw TakeoverErrors.TAKEOVER_ALREADY_DECIDED(`The report was ${report.status.toLowerCase()} at ${report.decidedAt?.toISOString()}`, { reportStatus: report.status });
    }
    return report;
  }
}
