import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SweepRunner } from '@crm/events';
import { REWARDS_OPTIONS, RewardsOptions } from '../rewards-options';
import { LedgerService } from './ledger.service';

export const LEDGER_AUDIT_SWEEP = 'ledger-audit';

/** The `ledger-audit` sweep (LEDGER_AUDIT_CRON, or on demand through the sweeps admin): hands over to LedgerService.audit. */
@Injectable()
export class LedgerAuditSweep implements OnModuleInit {
  constructor(
    private readonly sweeps: SweepRunner,
    private readonly ledger: LedgerService,
    @Inject(REWARDS_OPTIONS) private readonly options: RewardsOptions,
  ) {}

  onModuleInit(): void {
    this.sweeps.register({ name: LEDGER_AUDIT_SWEEP, pattern: this.options.ledgerAuditCron, handler: () => this.ledger.audit() });
  }
}
