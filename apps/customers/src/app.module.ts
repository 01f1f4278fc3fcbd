import { DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@crm/service-kit';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { ArchivesModule } from './archives/archives.module';
import { ClassificationModule } from './classification/classification.module';
import { CustomersConfig } from './config';
import { CustomersModule } from './customers/customers.module';
import { IdentityModule } from './identity/identity.module';
import { customersDatabase } from './database/customers-database';
import { OrganisationModule } from './organisation/organisation.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { TakeoversModule } from './takeovers/takeovers.module';
import { TransfersModule } from './transfers/transfers.module';

/**
 * Wiring only: the customers service's code lives by capability in the folders beside this file. It owns the
 * originals of customers, departments and employees, so it keeps no read models of them.
 */
@Module({})
export class AppModule {
  static forRoot(config: CustomersConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation('customers', customersDatabase, config),
        IdentityModule.forRoot({
          issuer: config.AUTH_ISSUER,
          accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
          refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
          sessionMaxDays: config.SESSION_MAX_DAYS,
          publishAheadSeconds: config.SIGNING_KEY_PUBLISH_AHEAD_SECONDS,
          keyReloadSeconds: config.SIGNING_KEY_RELOAD_SECONDS,
          loginFailuresAllowed: config.LOGIN_FAILURES_ALLOWED,
          loginBlockSeconds: config.LOGIN_BLOCK_SECONDS,
          redisPrefix: config.REDIS_PREFIX,
        }),
        OrganisationModule,
        CustomersModule,
        ArchivesModule.forRoot({ businessTz: config.BUSINESS_TZ }),
        ClassificationModule.forRoot({ cron: config.CLASSIFICATION_CRON }),
        TransfersModule,
        TakeoversModule,
        AuditModule,
        PersonalDataModule,
        AccessModule.forRoot({ devTokens: !production }),
      ],
    };
  }
}
