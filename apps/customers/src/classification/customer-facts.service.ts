import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/clock';
import type { Tx } from '@crm/database';
import { ClassificationRepository } from './classification.repository';
import { ClassificationService, StageTrigger } from './classification.service';

/**
 * The facts S-1 and S-2 look at (sales, refunds, attendance, complaints) and the V-2 flag, kept from other
 * services' events; each fact recomputes the customer's stage, in the event's inbox transaction.
 */
@Injectable()
export class CustomerFactsService {
  constructor(
    private readonly repo: ClassificationRepository,
    private readonly classification: ClassificationService,
    private readonly clock: Clock,
  ) {}

  async saleRecorded(tx: Tx, sale: { saleId: string; customerId: string; amountFen: number; soldAt: Date }, trigger: StageTrigger): Promise<void> {
    await this.repo.recordSale(tx, sale);
    await this.classification.recompute(tx, sale.customerId, trigger);
  }

  async saleRefunded(tx: Tx, refund: { saleId: string; customerId: string; amountFen: number; refundedAt: Date }, trigger: StageTrigger): Promise<void> {
    await this.repo.recordRefund(tx, refund);
    await this.classification.recompute(tx, refund.customerId, trigger);
  }

  async meetingAttended(tx: Tx, attended: { meetingId: string; customerId: string; attendedAt: Date }, trigger: StageTrigger): Promise<void> {
    await this.repo.recordAttendance(tx, attended);
    await this.classification.recompute(tx, attended.customerId, trigger);
  }

  async complaintFiled(tx: Tx, complaint: { complaintId: string; customerId: string; filedAt: Date }, trigger: StageTrigger): Promise<void> {
    await this.repo.recordComplaintFiled(tx, complaint);
    await this.classification.recompute(tx, complaint.customerId, trigger);
  }

  async complaintResolved(tx: Tx, complaint: { complaintId: string; customerId: string; resolvedAt: Date }, trigger: StageTrigger): Promise<void> {
    await this.repo.recordComplaintResolved(tx, complaint);
    await this.classification.recompute(tx, complaint.customerId, trigger);
  }

  async complaintReopened(tx: Tx, complaint: { complaintId: string; customerId: string; reopenedAt: Date }, trigger: StageTrigger): Promise<void> {
    await this.repo.recordComplaintReopened(tx, complaint);
    await this.classification.recompute(tx, complaint.customerId, trigger);
  }

  /** V-2 as the service-visits service publishes it; a customer is flagged only while `ownerId` still owns them. */
  setUnderServed(tx: Tx, customerId: string, underServed: boolean, ownerId?: string): Promise<void> {
    return this.repo.setUnderServed(tx, customerId, underServed, this.clock.now(), ownerId);
  }
}
