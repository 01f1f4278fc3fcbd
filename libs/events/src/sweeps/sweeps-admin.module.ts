import { DynamicModule, Module } from '@nestjs/common';
import { SweepsAdminController } from './sweeps-admin.controller';

export interface SweepsAdminOptions {
  production: boolean;
  /** ADMIN_SWEEPS_ENABLED: serve the endpoint in production too (still ADMIN only). */
  enabledInProduction?: boolean;
}

/**
 * `POST /api/v1/admin/sweeps/{name}` for a service that runs sweeps: on demand for operators and suite tests
 * (the SweepRunner comes from the global EventsModule). Outside production only (api-contract "Time and
 * sweeps"), unless ops turn it on in production explicitly; without it the path does not exist (404) and the
 * sweeps still run on their schedules.
 */
@Module({})
export class SweepsAdminModule {
  static forService(options: SweepsAdminOptions): DynamicModule {
    return { module: SweepsAdminModule, controllers: SweepsAdminModule.isServed(options) ? [SweepsAdminController] : [] };
  }

  /** Whether the endpoint is served with these options (for logs and docs). */
  static isServed(options: SweepsAdminOptions): boolean {
    return !options.production || options.enabledInProduction === true;
  }
}
