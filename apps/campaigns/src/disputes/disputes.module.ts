import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { DisputesController } from './disputes.controller';
import { DisputesRepository } from './disputes.repository';
import { DisputesService } from './disputes.service';

/** J-11: disputes, rulings, escalation and the fine for arguing in front of customers. */
@Module({ imports: [MeetingsModule, OrganisationModule], controllers: [DisputesController], providers: [DisputesRepository, DisputesService] })
export class DisputesModule {}
