import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Page, Transactions, type Tx } from '@crm/database';
import { CustomerOwnerships, type OwnershipChange } from '@crm/service-kit';
import { staffScope } from '../access/staff-scope';
import { ComplaintResolutionsRepository } from '../complaints/complaints.repository';
import { CustomersRepository } from '../customers/customers.repository';
import { pageSize } from '../page-size';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { followUpDue, nextReturnVisit, Stage } from './cadence';
import { VisitPlanEntity, VisitPlanReason, VisitPlanStatus } from './visit-plan.entity';
import { VisitPlansRepository } from './visit-plans.repository';
import { VisitPlanView, visitPlanView } from './visit-plans.view';

/** The service kinds that are a return visit (回访): at home or by phone. */
const RETURN_VISIT_KINDS: readonly string[] = ['HOME_VISIT', 'PHONE_CALL'];

export interface ComplaintResolution {
  complaintId: string;
  customerId: string;
  employeeId: string;
  departmentId: string;
  resolvedAt: Date;
}

export interface VisitPlansQuery {
  employeeId?: string;
  departmentId?: string;
  customerId?: string;
  status?: VisitPlanStatus;
  limit?: number | null;
  cursor?: string;
}

/** V-3: return-visit plans kept current with the customer's stage and owner. */
@Injectable()
export class VisitPlansService {
  constructor(
    private readonly plans: VisitPlansRepository,
    private readonly customers: CustomersRepository,
    private readonly ownerships: CustomerOwnerships,
    private readonly resolutions: ComplaintResolutionsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  /** customer.stage_changed: the new stage (unless a newer one is known) plans its cadence from the change. */
  async stageChanged(tx: Tx, s: { customerId: string; stage: string; at: string }): Promise<void> {
    if (await this.customers.stage(tx, s)) await this.replan(tx, s.customerId, new Date(s.at));
  }

  /**
   * A new owner the read model applied: open visits move to the new owner, and the cadence counts from the
   * assignment when the customer had no plan yet. A late ownership event changes nothing.
   */
  async ownerChanged(tx: Tx, change: OwnershipChange): Promise<void> {
    if (!change.applied) return;
    await this.plans.reassign(tx, change.customerId, change.ownerId, change.departmentId);
    await this.planIfNone(tx, change.customerId, new Date(change.at));
  }

  /** complaint.resolved: kept for surveys (V-4), then a follow-up visit (V-3). */
  async complaintResolved(tx: Tx, r: ComplaintResolution): Promise<void> {
    await this.resolutions.record(tx, r);
    await this.followUp(tx, r);
  }

  /**
   * Plans the customer's next cadence visit from `from` (entering the stage, or the last return visit),
   * replacing an open one: after a stage change, a new owner's first day, or a visit made.
   */
  private async replan(tx: Tx, customerId: string, from: Date): Promise<void> {
    const c = await this.customers.find(customerId, tx);
    const owner = await this.ownerships.find(customerId, tx);
    await this.plans.cancelCadence(tx, customerId);
    if (!owner || !c?.stage || !c.stageSince) return;
    const made = await this.plans.cadenceVisitsSince(tx, customerId, c.stage, c.stageSince);
    const due = nextReturnVisit(this.options.cadence, c.stage as Stage, from, made);
    if (!due) return;
    await this.plans.plan(tx, { customerId, employeeId: owner.ownerId, departmentId: owner.departmentId, reason: VisitPlanReason.CADENCE, stage: c.stage, complaintId: null, dueAt: due }, this.clock.now());
  }

  /** Plans the first cadence visit of a customer who has no open one (a new customer, or one just given an owner). */
  private async planIfNone(tx: Tx, customerId: string, from: Date): Promise<void> {
    if (await this.plans.hasOpenCadence(tx, customerId)) return;
    await this.replan(tx, customerId, from);
  }

  /** V-3: a follow-up visit within FOLLOW_UP_HOURS of a complaint's resolution, the owner's (or the employee concerned's when the owner is not known yet). */
  private async followUp(tx: Tx, r: ComplaintResolution): Promise<void> {
    const owner = await this.ownerships.find(r.customerId, tx);
    await this.plans.plan(
      tx,
      {
        customerId: r.customerId,
        employeeId: owner?.ownerId ?? r.employeeId,
        departmentId: owner ? owner.departmentId : r.departmentId,
        reason: VisitPlanReason.COMPLAINT_FOLLOW_UP,
        stage: null,
        complaintId: r.complaintId,
        dueAt: followUpDue(r.resolvedAt, this.options.followUpHours),
      },
      this.clock.now(),
    );
  }

  /**
   * A service was recorded: a return visit (home or phone) by the owning department makes the customer's open
   * plans done, and the stage's cadence counts again from it.
   */
  async visited(tx: Tx, customer: { customerId: string; departmentId: string }, record: { id: string; kind: string; departmentId: string | null; createdAt: Date }): Promise<boolean> {
    if (!RETURN_VISIT_KINDS.includes(record.kind) || !record.departmentId || record.departmentId !== customer.departmentId) return false;
    const done = await this.plans.complete(tx, customer.customerId, record.id, record.createdAt);
    await this.replan(tx, customer.customerId, record.createdAt);
    return done.length > 0;
  }

  /** Due visits as `caller` may list them: an employee their own, a head their department's, company-wide roles anyone's. */
  list(caller: Principal | undefined, q: VisitPlansQuery): Promise<Page<VisitPlanEntity>> {
    const scope = staffScope(caller, { employeeId: q.employeeId, departmentId: q.departmentId });
    return this.plans.list({ ...scope, employeeId: q.employeeId ?? scope.employeeId, customerId: q.customerId, status: q.status }, { limit: pageSize(q.limit), cursor: q.cursor });
  }

  /** P-3 export: every plan of the customer, by due time. */
  async ofCustomerForExport(customerId: string): Promise<VisitPlanView[]> {
    return (await this.plans.ofCustomer(customerId)).map(visitPlanView);
  }

  /** One batch of the visit-plans sweep in its own transaction: due plans past their time become OVERDUE. */
  markOverdue(now: Date, limit: number): Promise<string[]> {
    return this.transactions.run((tx) => this.plans.markOverdue(tx, now, limit));
  }
}
