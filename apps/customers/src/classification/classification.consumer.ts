import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer, EventContext } from '@crm/events';
import { StageTrigger } from './classification.service';
import { CustomerFactsService } from './customer-facts.service';

/** The trigger of an event-driven recomputation: the event's name and id (S-3 "cause"). */
function triggerOf(ctx: EventContext): StageTrigger {
  return { cause: `${ctx.name}:${ctx.eventId}`, note: `after ${ctx.name} ${ctx.eventId}` };
}

/** Hands the facts of other services' events (S-1, S-2, V-2) over to the customer facts, in the inbox transaction. */
@Injectable()
export class ClassificationConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly facts: CustomerFactsService,
  ) {}

  onModuleInit(): void {
    this.consumer
      .on('sale.recorded', (sale, ctx) =>
        this.facts.saleRecorded(ctx.manager, { saleId: sale.saleId, customerId: sale.customerId, amountFen: sale.amountFen, soldAt: new Date(sale.soldAt) }, triggerOf(ctx)),
      )
      .on('sale.refunded', (refund, ctx) =>
        this.facts.saleRefunded(
          ctx.manager,
          { saleId: refund.saleId, customerId: refund.customerId, amountFen: refund.amountFen, refundedAt: new Date(refund.refundedAt) },
          triggerOf(ctx),
        ),
      )
      .on('meeting.attended', (attended, ctx) =>
        this.facts.meetingAttended(ctx.manager, { meetingId: attended.meetingId, customerId: attended.customerId, attendedAt: new Date(attended.attendedAt) }, triggerOf(ctx)),
      )
      .on('complaint.filed', (complaint, ctx) =>
        this.facts.complaintFiled(ctx.manager, { complaintId: complaint.complaintId, customerId: complaint.customerId, filedAt: new Date(complaint.filedAt) }, triggerOf(ctx)),
      )
      .on('complaint.resolved', (complaint, ctx) =>
        this.facts.complaintResolved(
          ctx.manager,
          { complaintId: complaint.complaintId, customerId: complaint.customerId, resolvedAt: new Date(complaint.resolvedAt) },
          triggerOf(ctx),
        ),
      )
      .on('complaint.reopened', (complaint, ctx) =>
        this.facts.complaintReopened(
          ctx.manager,
          { complaintId: complaint.complaintId, customerId: complaint.customerId, reopenedAt: new Date(complaint.reopenedAt) },
          triggerOf(ctx),
        ),
      )
      .on('customer.under_served', (event, ctx) => this.facts.setUnderServed(ctx.manager, event.customerId, true, event.ownerId))
      .on('customer.served', (event, ctx) => this.facts.setUnderServed(ctx.manager, event.customerId, false));
  }
}
