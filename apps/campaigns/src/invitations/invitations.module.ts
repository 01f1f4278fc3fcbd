import { Module } from '@nestjs/common';
import { CustomerInvitationsResolver, InvitationResolver } from '../graphql/invitation.resolver';
import { Loaders } from '../graphql/loaders';
import { MeetingsModule } from '../meetings/meetings.module';
import { RosterModule } from '../roster/roster.module';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** J-2, J-4 (the lock's refusal), J-6: invitations and confirmations. */
@Module({
  imports: [MeetingsModule, RosterModule],
  controllers: [InvitationsController],
  providers: [InvitationsRepository, InvitationsService, Loaders, InvitationResolver, CustomerInvitationsResolver],
  exports: [InvitationsRepository, InvitationsService],
})
export class InvitationsModule {}
