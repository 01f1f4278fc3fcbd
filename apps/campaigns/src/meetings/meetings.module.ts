import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingResolver } from './meetings.resolver';
import { MeetingsService } from './meetings.service';

/**
 * The GraphQL type of a meeting, for the capabilities whose types point at one (`Invitation.meeting`): the
 * module is what a capability shows the others.
 */
export { Meeting } from './meetings.models';

/** J-1: meetings. */
@Module({
  imports: [OrganisationModule],
  controllers: [MeetingsController],
  providers: [MeetingsRepository, MeetingsService, MeetingResolver],
  exports: [MeetingsService],
})
export class MeetingsModule {}
