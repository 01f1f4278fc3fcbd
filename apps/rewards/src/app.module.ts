import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { RewardsConfig } from './config';
import { CustomersModule } from './customers/customers.module';
import { rewardsDatabase } from './database/rewards-database';
import { FinesModule } from './fines/fines.module';
import { LedgerModule } from './ledger/ledger.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PointsModule } from './points/points.module';
import { ReferralsModule } from './referrals/referrals.module';
import { RewardsOptionsModule } from './rewards-options';

/** Wiring only: the rewards service's code lives by capability in the folders beside this file. */
@Module({})
export class AppModule {
  static forRoot(config: RewardsConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ...serviceFoundation('rewards', rewardsDatabase, config, ['organisation', 'customer-ownership']),
        RewardsOptionsModule.forRoot(config),
        CustomersModule,
        LedgerModule,
        ReferralsModule,
        PointsModule,
        FinesModule,
        PersonalDataModule,
      ],
    };
  }
}
