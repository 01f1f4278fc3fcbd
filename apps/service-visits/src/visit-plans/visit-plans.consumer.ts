import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { CustomerOwnershipReplica } from '@crm/service-kit';
import { VisitPlansService } from './visit-plans.service';

/** What keeps return visits current (V-3), each in the event's inbox transaction: stage, owner, complaint resolutions. */
@Injectable()
export class VisitPlansConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'service-visits'>,
    private readonly replica: CustomerOwnershipReplica,
    private readonly plans: VisitPlansService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.stage_changed', (e, { manager }) => this.plans.stageChanged(manager, { customerId: e.customerId, stage: e.to, at: e.changedAt }));
    this.consumer.on('complaint.resolved', (e, { manager }) =>
      this.plans.complaintResolved(manager, { complaintId: e.complaintId, customerId: e.customerId, employeeId: e.employeeId, departmentId: e.departmentId, resolvedAt: new Date(e.resolvedAt) }),
    );
    // A new owner's open visits and first cadence plan; runs after adequacy's follow-up (AppModule imports AdequacyModule first).
    this.replica.onChange((tx, change) => this.plans.ownerChanged(tx, change));
  }
}
