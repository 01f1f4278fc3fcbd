import { Module } from '@nestjs/common';
import { SweepsAdminController } from './sweeps-admin.controller';

/** On-demand sweeps for operators and suite tests (the SweepRunner comes from the global EventsModule). */
@Module({ controllers: [SweepsAdminController] })
export class SweepsAdminModule {}
