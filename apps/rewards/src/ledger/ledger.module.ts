import { Module } from '@nestjs/common';
import { LedgerAuditSweep } from './ledger-audit.sweep';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** the points ledger, its cached accounts and the ledger-audit sweep. */
@Module({ providers: [LedgerRepository, LedgerService, LedgerAuditSweep], exports: [LedgerRepository, LedgerService] })
export class LedgerModule {}
