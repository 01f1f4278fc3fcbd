import { DynamicModule, Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { ClassificationConsumer } from './classification.consumer';
import { ClassificationRepository } from './classification.repository';
import { CLASSIFICATION_OPTIONS, ClassificationOptions, ClassificationService } from './classification.service';
import { CustomerFactsService } from './customer-facts.service';

/** S-1..S-3: facts from other services' events, stages, value tiers and the nightly `classification` sweep. */
@Module({})
export class ClassificationModule {
  static forRoot(options: ClassificationOptions): DynamicModule {
    return {
      module: ClassificationModule,
      imports: [HistoryModule],
      providers: [{ provide: CLASSIFICATION_OPTIONS, useValue: options }, ClassificationRepository, ClassificationService, CustomerFactsService, ClassificationConsumer],
    };
  }
}
