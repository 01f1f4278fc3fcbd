import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { OutreachController } from './outreach.controller';
import { OutreachRepository } from './outreach.repository';
import { OutreachEventResolver } from './outreach.resolver';
import { OutreachService } from './outreach.service';

/** O-1: outreach events. */
@Module({ imports: [OrganisationModule], controllers: [OutreachController], providers: [OutreachRepository, OutreachService, OutreachEventResolver] })
export class OutreachModule {}
