import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@crm/clock';
import { EventConsumer, EventContext } from '@crm/events';
import { ClassificationRepository } from './classification.repository';
import { ClassificationService, StageTrigger } from './classification.service';

/** The trigger of an event-driven recomputation: the event's name and id (S-3 "cause"). */
function triggerOf(ctx: EventContext): StageTrigger {
  return { cause: `${ctx.name}:${ctx.eventId}`, note: `after ${ctx.name} ${ctx.eventId}` };
}

/**
 * Keeps the facts S-1 and S-2 look at (sales, refunds, attendance, complaints) and the V-2 flag, and
 * recomputes the customer's stage after each fact, in the event's inbox transaction.
 */
@Injectable()
export class ClassificationConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly repo: ClassificationRepository,
    private readonly classification: ClassificationService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumer
      .on('sale.recorded', async (sale, ctx) => {
        await this.repo.recordSale(ctx.manager, { saleId: sale.saleId, customerId: sale.customerId, amountFen: sale.amountFen, soldAt: new Date(sale.soldAt) });
        await this.classification.recompute(ctx.manager, sale.customerId, triggerOf(ctx));
      })
      .on('sale.refunded', async (refund, ctx) => {
        await this.repo.recordRefund(ctx.manager, {
          saleId: refund.saleId,
          customerId: refund.customerId,
          amountFen: refund.amountFen,
          refundedAt: new Date(refund.refundedAt),
        });
        await this.classification.recompute(ctx.manager, refund.customerId, triggerOf(ctx));
      })
      .on('meeting.attended', async (attended, ctx) => {
        await this.repo.recordAttendance(ctx.manager, { meetingId: attended.meetingId, customerId: attended.customerId, attendedAt: new Date(attended.attendedAt) });
        await this.classification.recompute(ctx.manager, attended.customerId, triggerOf(ctx));
      })
      .on('complaint.filed', async (complaint, ctx) => {
        await this.repo.recordComplaintFiled(ctx.manager, { complaintId: complaint.complaintId, customerId: complaint.customerId, filedAt: new Date(complaint.filedAt) });
        await this.classification.recompute(ctx.manager, complaint.customerId, triggerOf(ctx));
      })
      .on('complaint.resolved', async (complaint, ctx) => {
        await this.repo.recordComplaintResolved(ctx.manager, {
          complaintId: complaint.complaintId,
          customerId: complaint.customerId,
          resolvedAt: new Date(complaint.resolvedAt),
        });
        await this.classification.recompute(ctx.manager, complaint.customerId, triggerOf(ctx));
      })
      .on('complaint.reopened', async (complaint, ctx) => {
        await this.repo.recordComplaintReopened(ctx.manager, {
          complaintId: complaint.complaintId,
          customerId: complaint.customerId,
          reopenedAt: new Date(complaint.reopenedAt),
        });
        await this.classification.recompute(ctx.manager, complaint.customerId, triggerOf(ctx));
      })
      .on('customer.under_served', (event, ctx) => this.repo.setUnderServed(ctx.manager, event.customerId, true, this.clock.now()))
      .on('customer.served', (event, ctx) => this.repo.setUnderServed(ctx.manager, event.customerId, false, this.clock.now()));
  }
}
