import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SweepRunner } from '@crm/events';
import { COMPLAINTS_OPTIONS, ComplaintsOptions } from '../complaints-options';
import { SlaService, SlaSweepResult } from './sla.service';

export type { SlaSweepResult } from './sla.service';

/**
 * C-4, the `complaint-sla` sweep: on its schedule or on demand, hands over to SlaService.breachOverdue, which
 * breaches every pending complaint past its due time once, with its fines and events.
 */
@Injectable()
export class SlaSweep implements OnModuleInit {
  constructor(
    private readonly sla: SlaService,
    private readonly sweeps: SweepRunner,
    @Inject(COMPLAINTS_OPTIONS) private readonly options: ComplaintsOptions,
  ) {}

  onModuleInit(): void {
    this.sweeps.register({ name: 'complaint-sla', pattern: this.options.slaCron, handler: async (now) => ({ ...(await this.run(now)) }) });
  }

  run(now: Date): Promise<SlaSweepResult> {
    return this.sla.breachOverdue(now);
  }
}
