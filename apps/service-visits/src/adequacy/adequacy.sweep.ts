import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SweepRunner } from '@crm/events';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { AdequacyService } from './adequacy.service';

export interface AdequacySweepResult {
  /** Customers this run found under-served (customer.under_served each). */
  flagged: number;
  /** Flagged customers this run found served again (customer.served each). */
  served: number;
  /** The first customers flagged, for a reader; the counts are always whole. */
  customerIds: string[];
}

const LISTED_IDS = 100;

/**
 * V-2, the `service-adequacy` sweep. Set-based: each batch is one transaction of two statements, the
 * conditional UPDATE … RETURNING that flags (AdequacyRepository.flagUnderServed) and the outbox INSERT of its
 * events, so 100,000 customers take 2 × ceil(n / ADEQUACY_BATCH_SIZE) statements, never one per customer.
 * Then the same for customers served again whose clearing an event did not already announce.
 */
@Injectable()
export class AdequacySweep implements OnModuleInit {
  constructor(
    private readonly adequacy: AdequacyService,
    private readonly sweeps: SweepRunner,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  onModuleInit(): void {
    this.sweeps.register({ name: 'service-adequacy', pattern: this.options.adequacyCron, handler: async (now) => ({ ...(await this.run(now)) }) });
  }

  async run(now: Date): Promise<AdequacySweepResult> {
    const size = this.options.adequacyBatchSize;
    const result: AdequacySweepResult = { flagged: 0, served: 0, customerIds: [] };
    for (;;) {
      const flagged = await this.adequacy.flagBatch(now, size);
      result.flagged += flagged.length;
      result.customerIds.push(...flagged.slice(0, LISTED_IDS - result.customerIds.length).map((c) => c.id));
      if (flagged.length < size) break;
    }
    for (;;) {
      const cleared = await this.adequacy.clearBatch(now, size);
      result.served += cleared.length;
      if (cleared.length < size) break;
    }
    return result;
  }
}
