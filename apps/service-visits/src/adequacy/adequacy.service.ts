import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Page, Transactions, type Tx } from '@crm/database';
import { OutboxWriter } from '@crm/events';
import { CustomerOwnerships, type OwnershipChange } from '@crm/service-kit';
import { staffScope } from '../access/staff-scope';
import { CustomersRepository } from '../customers/customers.repository';
import { pageSize } from '../page-size';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { AdequacyRepository, Verdict } from './adequacy.repository';
import { UnderServedView, underServedView } from './adequacy.view';

/**
 * V-2 verdicts and the events that announce them, written in the caller's transaction (outbox): what serves a
 * customer (an attendance, an owner-department home visit, a new owner), the sweep's batches and the resource
 * director's list.
 */
@Injectable()
export class AdequacyService {
  constructor(
    private readonly repo: AdequacyRepository,
    private readonly customers: CustomersRepository,
    private readonly ownerships: CustomerOwnerships,
    private readonly outbox: OutboxWriter<'service-visits'>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  /** meeting.attended: any meeting counts for V-2, whichever department invited the customer; a no-show never arrives. */
  async attended(tx: Tx, customerId: string, attendedAt: Date): Promise<void> {
    await this.customers.served(tx, customerId, attendedAt);
    await this.settle(tx, customerId, this.clock.now());
  }

  /** A home visit by the owning department (service records, V-1), in the record's transaction. */
  async visitedAtHome(tx: Tx, customerId: string, at: Date): Promise<void> {
    await this.customers.served(tx, customerId, at);
    await this.settle(tx, customerId, at);
  }

  /**
   * A new owner the read model applied: the V-2 window starts again at the assignment (so a flagged customer
   * given to someone else is served again). A late ownership event changes nothing.
   */
  async ownerChanged(tx: Tx, change: OwnershipChange): Promise<void> {
    if (!change.applied) return;
    await this.customers.restartWindow(tx, change.customerId, change.at);
    await this.settle(tx, change.customerId, this.clock.now());
  }

  /** After an attendance, a home visit or a new owner: a flagged customer served within the window is cleared. */
  async settle(tx: Tx, customerId: string, now: Date): Promise<boolean> {
    const cleared = await this.repo.clearServed(tx, now, this.options.adequacyDays, 1, customerId);
    await this.announceServed(tx, cleared);
    return cleared.length > 0;
  }

  /** One batch of the sweep in its own transaction: up to `size` customers flagged and announced. */
  flagBatch(now: Date, size: number): Promise<Verdict[]> {
    return this.transactions.run(async (tx) => {
      const rows = await this.repo.flagUnderServed(tx, now, this.options.adequacyDays, size);
      await this.announceUnderServed(tx, rows, now);
      return rows;
    });
  }

  /** One batch of the sweep's catch-up: flagged customers whose window moved without an event clearing them. */
  clearBatch(now: Date, size: number): Promise<Verdict[]> {
    return this.transactions.run(async (tx) => {
      const rows = await this.repo.clearServed(tx, now, this.options.adequacyDays, size);
      await this.announceServed(tx, rows);
      return rows;
    });
  }

  /** The resource director's list of under-served customers (V-2); department heads see their own department's. */
  async listUnderServed(caller: Principal | undefined, departmentId: string | undefined, page: { limit?: number | null; cursor?: string }): Promise<Page<UnderServedView>> {
    const limit = pageSize(page.limit);
    const scope = staffScope(caller, { departmentId });
    const found = await this.repo.underServed(scope.departmentId, { limit, cursor: page.cursor });
    const owners = new Map((await this.ownerships.findMany(found.items.map((c) => c.id))).map((o) => [o.customerId, o]));
    return { items: found.items.map((c) => underServedView(c, owners.get(c.id) ?? null)), nextCursor: found.nextCursor };
  }

  private async announceUnderServed(tx: Tx, flagged: Verdict[], now: Date): Promise<void> {
    await this.outbox.append(
      tx,
      flagged.map((c) => ({
        name: 'customer.under_served' as const,
        payload: {
          customerId: c.id,
          ownerId: c.owner_id,
          departmentId: c.department_id,
          lastServedAt: c.last_served_at ? new Date(c.last_served_at).toISOString() : null,
          detectedAt: now.toISOString(),
        },
      })),
    );
  }

  private async announceServed(tx: Tx, cleared: Verdict[]): Promise<void> {
    await this.outbox.append(
      tx,
      cleared.map((c) => ({
        name: 'customer.served' as const,
        payload: { customerId: c.id, ownerId: c.owner_id, departmentId: c.department_id, servedAt: new Date(c.served_at ?? c.window_start).toISOString() },
      })),
    );
  }
}
