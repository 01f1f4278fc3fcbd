import { randomUUID } from 'node:crypto';
import { ServiceHarness } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadRewardsConfig } from '../config';

/**
 * The rewards service with its real queue fed by EventFeed in place of customers and campaigns.
 */
export class RewardsHarness extends ServiceHarness {
  static async start(env: Record<string, string> = {}): Promise<RewardsHarness> {
    const { svc, feed } = await ServiceHarness.boot((e) => AppModule.forRoot(loadRewardsConfig(e)), 'rewards', env);
    return new RewardsHarness(svc, feed);
  }

  /** A customer as customers announces it; owned by `owner` (an employee and their department), or by nobody we know. */
  async registerCustomer(customerId = randomUUID(), referrerId: string | null = null, owner: { ownerId: string; departmentId: string } = { ownerId: randomUUID(), departmentId: randomUUID() }): Promise<string> {
    await this.feed.publish('customer.registered', {
      customerId,
      ownerId: owner.ownerId,
      departmentId: owner.departmentId,
      referrerId,
      source: referrerId ? 'REFERRAL' : 'WALK_IN',
      outreachEventId: null,
      stage: 'POTENTIAL',
      registeredAt: this.nowIso(),
    });
    return customerId;
  }

  /** A sale at a meeting as campaigns announces it; answers the event id. */
  sale(s: { saleId?: string; meetingId: string; customerId: string; referrerId: string | null; amountFen: number }, options: { id?: string } = {}): Promise<string> {
    return this.feed.publish(
      'sale.recorded',
      { saleId: s.saleId ?? randomUUID(), meetingId: s.meetingId, customerId: s.customerId, amountFen: s.amountFen, creditedEmployeeId: randomUUID(), creditedDepartmentId: randomUUID(), referrerId: s.referrerId, soldAt: this.nowIso() },
      options,
    );
  }

  refund(r: { refundId?: string; saleId: string; meetingId: string; customerId: string; amountFen: number }, options: { id?: string } = {}): Promise<string> {
    return this.feed.publish('sale.refunded', { refundId: r.refundId ?? randomUUID(), saleId: r.saleId, meetingId: r.meetingId, customerId: r.customerId, amountFen: r.amountFen, refundedAt: this.nowIso() }, options);
  }

  /** Gives a registered customer `points` (a multiple of 100) through R-2: a referred customer's sale. */
  async fund(referrerId: string, points: number): Promise<void> {
    await this.sale({ meetingId: randomUUID(), customerId: randomUUID(), referrerId, amountFen: (points / 100) * 100_000 });
  }

  async balanceOf(customerId: string): Promise<number> {
    const res = await this.get(`/api/v1/points/${customerId}`);
    return res.json().balance;
  }
}
