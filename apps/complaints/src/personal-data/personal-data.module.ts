import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { PersonalDataConsumer } from './personal-data.consumer';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';

/** P-3: the customer's export section (GET /api/v1/personal-data/{customerId}) and customer.erased. */
@Module({
  imports: [ComplaintsModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService, PersonalDataConsumer],
})
export class PersonalDataModule {}
