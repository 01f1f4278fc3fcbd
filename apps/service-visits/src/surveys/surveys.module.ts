import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { SurveysController } from './surveys.controller';
import { SurveysRepository } from './surveys.repository';
import { SurveysResolver } from './surveys.resolver';
import { SurveysService } from './surveys.service';

/** V-4: satisfaction surveys and their averages. */
@Module({ imports: [ServiceRecordsModule, ComplaintsModule], providers: [SurveysRepository, SurveysService, SurveysResolver], controllers: [SurveysController], exports: [SurveysService] })
export class SurveysModule {}
