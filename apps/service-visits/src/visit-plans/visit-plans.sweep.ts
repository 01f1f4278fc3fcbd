import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SweepRunner } from '@crm/events';
import { SERVICE_VISITS_OPTIONS, ServiceVisitsOptions } from '../service-visits-options';
import { VisitPlansService } from './visit-plans.service';

const BATCH = 5000;

/** V-3, the `visit-plans` sweep: due visits past their time become OVERDUE, each once, in set-based batches. */
@Injectable()
export class VisitPlansSweep implements OnModuleInit {
  constructor(
    private readonly plans: VisitPlansService,
    private readonly sweeps: SweepRunner,
    @Inject(SERVICE_VISITS_OPTIONS) private readonly options: ServiceVisitsOptions,
  ) {}

  onModuleInit(): void {
    this.sweeps.register({ name: 'visit-plans', pattern: this.options.visitPlansCron, handler: async (now) => ({ ...(await this.run(now)) }) });
  }

  async run(now: Date): Promise<{ overdue: number; planIds: string[] }> {
    const result = { overdue: 0, planIds: [] as string[] };
    for (;;) {
      const ids = await this.plans.markOverdue(now, BATCH);
      result.overdue += ids.length;
      result.planIds.push(...ids.slice(0, 100 - result.planIds.length));
      if (ids.length < BATCH) return result;
    }
  }
}
