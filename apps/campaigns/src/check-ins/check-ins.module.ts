import { Module } from '@nestjs/common';
import { CheckInResolver } from '../graphql/check-in.resolver';
import { MeetingsModule } from '../meetings/meetings.module';
import { RosterModule } from '../roster/roster.module';
import { CheckInsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';

/** J-9: check-ins and referrals. */
@Module({ imports: [MeetingsModule, RosterModule], controllers: [CheckInsController], providers: [CheckInsService, CheckInResolver], exports: [CheckInsService] })
export class CheckInsModule {}
