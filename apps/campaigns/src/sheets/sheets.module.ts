import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { SheetCutoffSweep } from './sheet-cutoff.sweep';
import { SheetReconciliationService } from './sheet-reconciliation.service';
import { SheetsController } from './sheets.controller';
import { SheetsRepository } from './sheets.repository';
import { SheetResolver } from './sheets.resolver';
import { SheetsService } from './sheets.service';

/** J-3..J-8, J-12: daily sheets (supplementary ones included), locks, speakers, the sheet-cutoff reconciliation and J-7 fines. */
@Module({
  imports: [MeetingsModule, InvitationsModule, OrganisationModule],
  controllers: [SheetsController],
  providers: [SheetsRepository, SheetsService, SheetReconciliationService, SheetCutoffSweep, SheetResolver],
  exports: [SheetsService],
})
export class SheetsModule {}
