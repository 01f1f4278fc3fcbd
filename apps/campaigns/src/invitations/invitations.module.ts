import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { UnderServedModule } from '../under-served/under-served.module';
import { InvitationsController } from './invitations.controller';
import { InvitationLoaders } from './invitations.loaders';
import { InvitationsRepository } from './invitations.repository';
import { CustomerInvitationsResolver, InvitationResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';

/** J-2, J-4 (the lock's refusal), J-6: invitations and confirmations. */
@Module({
  imports: [MeetingsModule, UnderServedModule],
  controllers: [InvitationsController],
  providers: [InvitationsRepository, InvitationsService, InvitationLoaders, InvitationResolver, CustomerInvitationsResolver],
  exports: [InvitationsService],
})
export class InvitationsModule {}
