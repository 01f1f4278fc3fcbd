import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { issueApiKey, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { bearer, startTestService, TestService } from '@crm/testing';
import { EventFeed } from '@crm/testing-events';
import { AppModule } from '../app.module';
import { loadRewardsConfig } from '../config';

/**
 * The rewards service on a scratch database cloned from the migrated template, with its real queue fed by
 * EventFeed in place of customers and campaigns.
 */
export class RewardsHarness {
  readonly admin = bearer(Role.ADMIN);

  private constructor(
    readonly svc: TestService,
    readonly feed: EventFeed,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<RewardsHarness> {
    const svc = await startTestService((e) => AppModule.forRoot(loadRewardsConfig(e)), { name: 'rewards', env });
    return new RewardsHarness(svc, new EventFeed(svc.env.REDIS_URL, svc.redisPrefix, svc.app.get(Clock), 'rewards'));
  }

  /** The service's clock, so events carry the time the service would see. */
  now(): string {
    return this.svc.app.get(Clock).now().toISOString();
  }

  async close(): Promise<void> {
    await this.feed?.close();
    await this.svc?.close();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad hoc SQL, read loosely by tests
  sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.svc.app.get(DataSource).query(query, params);
  }

  get(url: string, headers: Record<string, string> = this.admin) {
    return this.svc.inject({ method: 'GET', url, headers });
  }

  post(url: string, payload: unknown, headers: Record<string, string> = this.admin) {
    return this.svc.inject({ method: 'POST', url, payload, headers });
  }

  graphql(query: string, variables: object = {}, headers: Record<string, string> = this.admin) {
    return this.post('/graphql', { query, variables }, headers);
  }

  /** A customer as customers announces it. */
  async registerCustomer(customerId = randomUUID(), referrerId: string | null = null): Promise<string> {
    await this.feed.publish('customer.registered', {
      customerId,
      ownerId: randomUUID(),
      departmentId: randomUUID(),
      referrerId,
      source: referrerId ? 'REFERRAL' : 'WALK_IN',
      outreachEventId: null,
      stage: 'POTENTIAL',
      registeredAt: this.now(),
    });
    return customerId;
  }

  /** A sale at a meeting as campaigns announces it; answers the event id. */
  sale(s: { saleId?: string; meetingId: string; customerId: string; referrerId: string | null; amountFen: number }, options: { id?: string } = {}): Promise<string> {
    return this.feed.publish(
      'sale.recorded',
      { saleId: s.saleId ?? randomUUID(), meetingId: s.meetingId, customerId: s.customerId, amountFen: s.amountFen, creditedEmployeeId: randomUUID(), creditedDepartmentId: randomUUID(), referrerId: s.referrerId, soldAt: this.now() },
      options,
    );
  }

  refund(r: { refundId?: string; saleId: string; meetingId: string; customerId: string; amountFen: number }, options: { id?: string } = {}): Promise<string> {
    return this.feed.publish('sale.refunded', { refundId: r.refundId ?? randomUUID(), saleId: r.saleId, meetingId: r.meetingId, customerId: r.customerId, amountFen: r.amountFen, refundedAt: this.now() }, options);
  }

  /** Gives a registered customer `points` (a multiple of 100) through R-2: a referred customer's sale. */
  async fund(referrerId: string, points: number): Promise<void> {
    await this.sale({ meetingId: randomUUID(), customerId: randomUUID(), referrerId, amountFen: (points / 100) * 100_000 });
  }

  async balanceOf(customerId: string): Promise<number> {
    const res = await this.get(`/api/v1/points/${customerId}`);
    return res.json().balance;
  }

  /** A partner key with these scopes, as customers announces it; answers the X-Api-Key header. */
  async partner(scopes: string[]): Promise<Record<string, string>> {
    const issued = issueApiKey();
    await this.feed.publish('api_key.issued', { keyId: issued.id, name: 'ERP', scopes, hash: issued.hash, issuedAt: this.now() });
    return { 'x-api-key': issued.key };
  }
}
