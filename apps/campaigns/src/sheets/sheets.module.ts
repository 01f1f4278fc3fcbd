import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { SheetCutoffSweep } from './sheet-cutoff.sweep';
import { SheetsController } from './sheets.controller';
import { SheetsRepository } from './sheets.repository';
import { SheetResolver } from './sheets.resolver';
import { SheetsService } from './sheets.service';

/** J-3..J-8: daily sheets, locks, the sheet-cutoff reconciliation and J-7 fines. */
@Module({
  imports: [MeetingsModule, InvitationsModule, OrganisationModule],
  controllers: [SheetsController],
  providers: [SheetsRepository, SheetsService, SheetCutoffSweep, SheetResolver],
  exports: [SheetsService],
})
export class SheetsModule {}
