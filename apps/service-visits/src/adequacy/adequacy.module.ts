import { Module } from '@nestjs/common';
import { AdequacyRepository } from './adequacy.repository';
import { AdequacyService } from './adequacy.service';
import { AdequacySweep } from './adequacy.sweep';
import { UnderServedList } from './under-served';
import { UnderServedController } from './under-served.controller';

/** V-2: the under-served verdicts, the service-adequacy sweep and the resource director's list. */
@Module({
  providers: [AdequacyRepository, AdequacyService, AdequacySweep, UnderServedList],
  controllers: [UnderServedController],
  exports: [AdequacyService, UnderServedList],
})
export class AdequacyModule {}
