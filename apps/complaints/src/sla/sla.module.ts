import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';
import { SlaSweep } from './sla.sweep';

/** C-4: the complaint-sla sweep. */
@Module({ imports: [ComplaintsModule], providers: [SlaRepository, SlaService, SlaSweep], exports: [SlaSweep] })
export class SlaModule {}
