import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/clock';
import { Page } from '@crm/database';
import { ServedCustomerEntity } from '../customers/served-customer.entity';
import { CustomersRepository } from '../customers/customers.repository';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { followUpDue, nextReturnVisit, Stage } from './cadence';
import { VisitPlanEntity, VisitPlanReason, VisitPlanStatus } from './visit-plan.entity';
import { VisitPlansRepository } from './visit-plans.repository';

/** The service kinds that are a return visit (回访): at home or by phone. */
const RETURN_VISIT_KINDS: readonly string[] = ['HOME_VISIT', 'PHONE_CALL'];

/** V-3: return-visit plans kept current with the customer's stage and owner. */
@Injectable()
export class VisitPlansService {
  constructor(
    private readonly plans: VisitPlansRepository,
    private readonly customers: CustomersRepository,
    private readonly clock: Clock,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  /**
   * Plans the customer's next cadence visit from `from` (entering the stage, or the last return visit),
   * replacing an open one: after a stage change, a new owner's first day, or a visit made.
   */
  async replan(manager: EntityManager, customerId: string, from: Date): Promise<void> {
    const c = await this.customers.find(customerId, manager);
    await this.plans.cancelCadence(manager, customerId);
    if (!c?.ownerId || !c.stage || !c.stageSince) return;
    const made = await this.plans.cadenceVisitsSince(manager, customerId, c.stage, c.stageSince);
    const due = nextReturnVisit(this.options.cadence, c.stage as Stage, from, made);
    if (!due) return;
    await this.plans.plan(manager, { customerId, employeeId: c.ownerId, departmentId: c.departmentId, reason: VisitPlanReason.CADENCE, stage: c.stage, complaintId: null, dueAt: due }, this.clock.now());
  }

  /** Plans the first cadence visit of a customer who has no open one (a new customer, or one just given an owner). */
  async planIfNone(manager: EntityManager, customerId: string, from: Date): Promise<void> {
    if (await this.plans.hasOpenCadence(manager, customerId)) return;
    await this.replan(manager, customerId, from);
  }

  /** The customer has a new owner: the open visits move with the customer. */
  reassign(manager: EntityManager, customerId: string, ownerId: string, departmentId: string): Promise<void> {
    return this.plans.reassign(manager, customerId, ownerId, departmentId);
  }

  /** V-3: a follow-up visit within FOLLOW_UP_HOURS of a complaint's resolution, the owner's (or the employee concerned's when the owner is not known yet). */
  async followUp(manager: EntityManager, r: { complaintId: string; customerId: string; employeeId: string; departmentId: string; resolvedAt: Date }): Promise<void> {
    const c = await this.customers.find(r.customerId, manager);
    await this.plans.plan(
      manager,
      {
        customerId: r.customerId,
        employeeId: c?.ownerId ?? r.employeeId,
        departmentId: c?.ownerId ? c.departmentId : r.departmentId,
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
  async visited(manager: EntityManager, customer: ServedCustomerEntity, record: { id: string; kind: string; departmentId: string | null; createdAt: Date }): Promise<boolean> {
    if (!RETURN_VISIT_KINDS.includes(record.kind) || !record.departmentId || record.departmentId !== customer.departmentId) return false;
    const done = await this.plans.complete(manager, customer.id, record.id, record.createdAt);
    await this.replan(manager, customer.id, record.createdAt);
    return done.length > 0;
  }

  list(filter: { employeeId?: string; departmentId?: string; customerId?: string; status?: VisitPlanStatus }, page: { limit: number; cursor?: string }): Promise<Page<VisitPlanEntity>> {
    return this.plans.list(filter, page);
  }
}
