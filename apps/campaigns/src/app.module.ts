import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { CAMPAIGNS_OPTIONS } from './campaigns-options';
import { CampaignsConfig } from './config';
import { campaignsDatabase } from './database/campaigns-database';
import { CheckInsModule } from './check-ins/check-ins.module';
import { SheetsModule } from './sheets/sheets.module';
import { DisputesModule } from './disputes/disputes.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MeetingsModule } from './meetings/meetings.module';
import { OrganisationModule } from './organisation/organisation.module';
import { OutreachModule } from './outreach/outreach.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PitchesModule } from './pitches/pitches.module';
import { SalesModule } from './sales/sales.module';
import { UnderServedModule } from './under-served/under-served.module';
import { sheetRulesConfig } from './sheets/rules';

/** Wiring only: the campaigns service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: CampaignsConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ...serviceFoundation('campaigns', campaignsDatabase, config, ['organisation', 'customer-ownership']),
        OrganisationModule,
        UnderServedModule,
        OutreachModule,
        MeetingsModule,
        InvitationsModule,
        SheetsModule,
        CheckInsModule,
        SalesModule,
        DisputesModule,
        PitchesModule,
        PersonalDataModule,
      ],
      providers: [{ provide: CAMPAIGNS_OPTIONS, useValue: { tz: config.BUSINESS_TZ, sheetRules: sheetRulesConfig({ tz: config.BUSINESS_TZ, windowDays: config.SHEET_WINDOW_DAYS }), sheetCutoffCron: config.SHEET_CUTOFF_CRON } }],
      exports: [CAMPAIGNS_OPTIONS],
    };
  }
}
