import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/clock';
import type { Tx } from '@crm/database';
import type { EventPayload } from '@crm/events';
import { LedgerService } from '../ledger/ledger.service';
import { PointsReason } from '../ledger/points.entities';
import { applySpendChange, REFERRAL_ATTENDANCE_POINTS } from './referral-points';
import { KnownSale, ReferralsRepository } from './referrals.repository';

/**
 * R-1 and R-2 from campaigns' events. Each handler runs in the event's inbox transaction (the `tx` handed over), so an
 * event is booked once; the arithmetic is in referral-points.ts, the posting in LedgerService.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  /** 100 points to the referrer at the referred customer's first attended meeting, once per customer. */
  async attended(tx: Tx, e: EventPayload<'meeting.attended'>, eventId: string): Promise<void> {
    if (!e.firstAttendance || !e.referrerId || e.referrerId === e.customerId) return;
    const claimed = await this.referrals.claimBonus(tx, { referredCustomerId: e.customerId, referrerId: e.referrerId, meetingId: e.meetingId, sourceEventId: eventId, now: this.clock.now() });
    if (!claimed) return;
    await this.ledger.postEarning(tx, {
      customerId: e.referrerId,
      deltaPoints: REFERRAL_ATTENDANCE_POINTS,
      creditReason: PointsReason.REFERRAL_ATTENDANCE,
      reversalReason: PointsReason.REFERRAL_ATTENDANCE,
      sourceEventId: eventId,
    });
  }

  /** a sale raises its group's net spend, together with any refunds that arrived before it. */
  async saleRecorded(tx: Tx, e: EventPayload<'sale.recorded'>, eventId: string): Promise<void> {
    const now = this.clock.now();
    await this.referrals.lockSale(tx, e.saleId);
    const sale: KnownSale = { saleId: e.saleId, meetingId: e.meetingId, customerId: e.customerId, referrerId: e.referrerId };
    if (!(await this.referrals.addSale(tx, { ...sale, amountFen: e.amountFen, sourceEventId: eventId, now }))) return;
    const held = await this.referrals.applyHeldRefunds(tx, e.saleId, now);
    await this.changeSpend(tx, sale, e.amountFen - held, eventId);
  }

  /** a refund lowers its sale's group's net spend; one that overtook its sale is held until the sale comes. */
  async saleRefunded(tx: Tx, e: EventPayload<'sale.refunded'>, eventId: string): Promise<void> {
    const now = this.clock.now();
    await this.referrals.lockSale(tx, e.saleId);
    const sale = await this.referrals.findSale(tx, e.saleId);
    if (!(await this.referrals.addRefund(tx, { refundId: e.refundId, saleId: e.saleId, amountFen: e.amountFen, sourceEventId: eventId, now, applied: sale !== null }))) return;
    if (sale) await this.changeSpend(tx, sale, -e.amountFen, eventId);
  }

  private async changeSpend(tx: Tx, sale: KnownSale, changeFen: number, eventId: string): Promise<void> {
    // No referrer, or a referrer who is the customer: the sale earns no one points.
    if (!sale.referrerId || sale.referrerId === sale.customerId || changeFen === 0) return;
    const key = { customerId: sale.customerId, meetingId: sale.meetingId, referrerId: sale.referrerId };
    const now = this.clock.now();
    const { spend, deltaPoints } = applySpendChange(await this.referrals.lockSpend(tx, key, now), changeFen);
    await this.referrals.saveSpend(tx, key, spend, now);
    await this.ledger.postEarning(tx, {
      customerId: sale.referrerId,
      deltaPoints,
      creditReason: PointsReason.REFERRAL_SALES,
      reversalReason: PointsReason.REFERRAL_SALES_REVERSAL,
      sourceEventId: eventId,
    });
  }
}
