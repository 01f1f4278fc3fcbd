import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { OutreachController } from './outreach.controller';
import { OutreachService } from './outreach.service';

/** O-1: outreach events. */
@Module({ imports: [OrganisationModule], controllers: [OutreachController], providers: [OutreachService] })
export class OutreachModule {}
