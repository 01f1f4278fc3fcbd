import { DynamicModule, Module } from '@nestjs/common';
import { CustomersCoreModule } from '../customers/customers-core.module';
import { ClassificationConsumer } from './classification.consumer';
import { ClassificationRepository } from './classification.repository';
import { CLASSIFICATION_OPTIONS, ClassificationOptions, ClassificationService } from './classification.service';

/** S-1..S-3: facts from other services' events, stages, value tiers and the nightly `classification` sweep. */
@Module({})
export class ClassificationModule {
  static forRoot(options: ClassificationOptions): DynamicModule {
    return {
      module: ClassificationModule,
      imports: [CustomersCoreModule],
      providers: [{ provide: CLASSIFICATION_OPTIONS, useValue: options }, ClassificationRepository, ClassificationService, ClassificationConsumer],
    };
  }
}
