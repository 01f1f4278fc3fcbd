import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SweepRunner } from '@crm/events';
import { CAMPAIGNS_OPTIONS, CampaignsOptions } from '../campaigns-options';
import { SheetReconciliationService } from './sheet-reconciliation.service';

export const SHEET_CUTOFF_SWEEP = 'sheet-cutoff';

/**
 * J-7, J-8, the `sheet-cutoff` sweep: on its schedule (SHEET_CUTOFF_CRON) or on demand, hands over to
 * SheetReconciliationService.reconcileDue, which reconciles every joint-meeting day whose deadline has passed, once, with its fines.
 */
@Injectable()
export class SheetCutoffSweep implements OnModuleInit {
  constructor(
    private readonly reconciliation: SheetReconciliationService,
    private readonly sweeps: SweepRunner,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  onModuleInit(): void {
    this.sweeps.register({ name: SHEET_CUTOFF_SWEEP, pattern: this.options.sheetCutoffCron, handler: (now) => this.reconciliation.reconcileDue(now) });
  }
}
