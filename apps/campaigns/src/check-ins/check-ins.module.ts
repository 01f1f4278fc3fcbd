import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { UnderServedModule } from '../under-served/under-served.module';
import { CheckInsController } from './check-ins.controller';
import { CheckInsRepository } from './check-ins.repository';
import { CheckInResolver } from './check-ins.resolver';
import { CheckInsService } from './check-ins.service';

/** J-9: check-ins and referrals. */
@Module({
  imports: [MeetingsModule, InvitationsModule, UnderServedModule],
  controllers: [CheckInsController],
  providers: [CheckInsRepository, CheckInsService, CheckInResolver],
  exports: [CheckInsService],
})
export class CheckInsModule {}
