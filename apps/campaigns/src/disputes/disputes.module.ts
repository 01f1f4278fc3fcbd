import { Module } from '@nestjs/common';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { SalesModule } from '../sales/sales.module';
import { DisputeAward } from './dispute-award';
import { DisputesController } from './disputes.controller';
import { DisputesRepository } from './disputes.repository';
import { DisputeResolver } from './disputes.resolver';
import { DisputesService } from './disputes.service';

/** J-11: disputes, rulings (an award moves the customer's lock and sales credit), escalation and the fine for arguing in front of customers. */
@Module({
  imports: [MeetingsModule, OrganisationModule, InvitationsModule, SalesModule],
  controllers: [DisputesController],
  providers: [DisputesRepository, DisputesService, DisputeAward, DisputeResolver],
})
export class DisputesModule {}
