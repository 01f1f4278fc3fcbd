import { Module } from '@nestjs/common';
import { SweepsAdminController } from './sweeps-admin.controller';

/**
 * `POST /api/v1/admin/sweeps/{name}` for a service that runs sweeps: on demand for operators and suite tests
 * (the SweepRunner comes from the global EventsModule).
 */
@Module({ controllers: [SweepsAdminController] })
export class SweepsAdminModule {}
