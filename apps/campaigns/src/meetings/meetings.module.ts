import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MeetingResolver } from '../graphql/meeting.resolver';

/** J-1: meetings. */
@Module({
  imports: [OrganisationModule],
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingsService, MeetingResolver],
  exports: [MeetingsRepository, MeetingsService],
})
export class MeetingsModule {}
