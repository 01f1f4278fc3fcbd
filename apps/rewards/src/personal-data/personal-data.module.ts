import { Module } from '@nestjs/common';
import { PersonalDataConsumer } from './personal-data.consumer';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';

/** P-3 in rewards: a customer's data export (GET /api/v1/personal-data/{customerId}) and erasure (`customer.erased`). */
@Module({
  controllers: [PersonalDataController],
  providers: [PersonalDataRepository, PersonalDataService, PersonalDataConsumer],
})
export class PersonalDataModule {}
