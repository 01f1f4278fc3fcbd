import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { AdequacyConsumer } from './adequacy.consumer';
import { AdequacyController } from './adequacy.controller';
import { AdequacyRepository } from './adequacy.repository';
import { AdequacyResolver } from './adequacy.resolver';
import { AdequacyService } from './adequacy.service';
import { AdequacySweep } from './adequacy.sweep';

/** V-2: the under-served verdicts, what serves a customer again, the service-adequacy sweep and the resource director's list. */
@Module({
  imports: [CustomersModule],
  providers: [AdequacyRepository, AdequacyService, AdequacySweep, AdequacyConsumer, AdequacyResolver],
  controllers: [AdequacyController],
  exports: [AdequacyService],
})
export class AdequacyModule {}
