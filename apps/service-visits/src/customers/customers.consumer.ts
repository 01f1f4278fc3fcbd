import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/clock';
import { EventConsumer } from '@crm/events';
import { AdequacyService } from '../adequacy/adequacy.service';
import { ComplaintResolutionsRepository } from '../complaints/complaint-resolutions.repository';
import { VisitPlansService } from '../visit-plans/visit-plans.service';
import { CustomersRepository, Ownership } from './customers.repository';

/**
 * What service-visits learns from the other services, each in the event's inbox transaction: customers'
 * owner and stage changes (V-2 window, V-3 plans), campaigns' attendance (V-2), complaints' resolutions
 * (V-3 follow-up, V-4 surveys).
 */
@Injectable()
export class CustomerEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'service-visits'>,
    private readonly customers: CustomersRepository,
    private readonly adequacy: AdequacyService,
    private readonly plans: VisitPlansService,
    private readonly resolutions: ComplaintResolutionsRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.registered', async (e, { manager }) => {
      await this.customers.stage(manager, { customerId: e.customerId, stage: e.stage, at: e.registeredAt });
      await this.owned(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.registeredAt });
    });
    this.consumer.on('customer.assigned', (e, { manager }) =>
      this.owned(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.assignedAt }),
    );
    this.consumer.on('customer.transferred', (e, { manager }) =>
      this.owned(manager, { customerId: e.customerId, ownerId: e.toOwnerId, departmentId: e.toDepartmentId, at: e.transferredAt }),
    );
    this.consumer.on('customer.stage_changed', async (e, { manager }) => {
      if (await this.customers.stage(manager, { customerId: e.customerId, stage: e.to, at: e.changedAt })) {
        await this.plans.replan(manager, e.customerId, new Date(e.changedAt));
      }
    });
    this.consumer.on('meeting.attended', async (e, { manager }) => {
      // Any meeting counts for V-2, whichever department invited the customer; a no-show never arrives here.
      await this.customers.served(manager, e.customerId, new Date(e.attendedAt));
      await this.adequacy.settle(manager, e.customerId, this.clock.now());
    });
    this.consumer.on('complaint.resolved', async (e, { manager }) => {
      const resolvedAt = new Date(e.resolvedAt);
      await this.resolutions.record(manager, { complaintId: e.complaintId, customerId: e.customerId, employeeId: e.employeeId, departmentId: e.departmentId, resolvedAt });
      await this.plans.followUp(manager, { complaintId: e.complaintId, customerId: e.customerId, employeeId: e.employeeId, departmentId: e.departmentId, resolvedAt });
    });
  }

  /**
   * A (new) owner: the V-2 window starts again at the assignment (so a flagged customer given to someone else
   * is served again), open visits move to the new owner, and the cadence counts from the assignment when the
   * customer had no plan yet.
   */
  private async owned(manager: EntityManager, o: Ownership): Promise<void> {
    if (!(await this.customers.own(manager, o))) return;
    await this.adequacy.settle(manager, o.customerId, this.clock.now());
    await this.plans.reassign(manager, o.customerId, o.ownerId, o.departmentId);
    await this.plans.planIfNone(manager, o.customerId, new Date(o.at));
  }
}
