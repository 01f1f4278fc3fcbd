import { Module } from '@nestjs/common';
import { SheetResolver } from '../graphql/sheet.resolver';
import { MeetingsModule } from '../meetings/meetings.module';
import { SheetsController } from './sheets.controller';
import { SheetsRepository } from './sheets.repository';
import { SheetsService } from './sheets.service';

/** J-3..J-8: daily sheets, locks, the sheet-cutoff reconciliation and J-7 fines. */
@Module({ imports: [MeetingsModule], controllers: [SheetsController], providers: [SheetsRepository, SheetsService, SheetResolver], exports: [SheetsService] })
export class DailySheetsModule {}
