import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxWriter } from '@crm/events';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { AdequacyRepository, Verdict } from './adequacy.repository';

/** V-2 verdicts and the events that announce them, written in the caller's transaction (outbox). */
@Injectable()
export class AdequacyService {
  constructor(
    private readonly repo: AdequacyRepository,
    private readonly outbox: OutboxWriter<'service-visits'>,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  /** After an attendance, a home visit or a new owner: a flagged customer served within the window is cleared. */
  async settle(manager: EntityManager, customerId: string, now: Date): Promise<boolean> {
    const cleared = await this.repo.clearServed(manager, now, this.options.adequacyDays, 1, customerId);
    await this.announceServed(manager, cleared);
    return cleared.length > 0;
  }

  async announceUnderServed(manager: EntityManager, flagged: Verdict[], now: Date): Promise<void> {
    await this.outbox.append(
      manager,
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

  async announceServed(manager: EntityManager, cleared: Verdict[]): Promise<void> {
    await this.outbox.append(
      manager,
      cleared.map((c) => ({
        name: 'customer.served' as const,
        payload: { customerId: c.id, ownerId: c.owner_id, departmentId: c.department_id, servedAt: new Date(c.served_at ?? c.window_start).toISOString() },
      })),
    );
  }
}
