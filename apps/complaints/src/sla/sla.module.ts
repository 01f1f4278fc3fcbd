import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module';
import { SlaSweep } from './sla.sweep';

/** C-4: the complaint-sla sweep. */
@Module({ imports: [ComplaintsModule], providers: [SlaSweep], exports: [SlaSweep] })
export class SlaModule {}
