import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CustomersModule } from '../customers/customers.module';
import { HistoryModule } from '../history/history.module';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataService } from './personal-data.service';

/** P-3: customers' section of a personal-data export, and the erasure of a customer. */
@Module({
  imports: [CustomersModule, HistoryModule, AuditModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataRepository, PersonalDataService, PersonalDataResolver],
})
export class PersonalDataModule {}
