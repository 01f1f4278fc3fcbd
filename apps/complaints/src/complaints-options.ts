import { DynamicModule, Module } from '@nestjs/common';
import type { ComplaintsConfig } from './config';

/** The settings complaints' rules read, from the validated config (one place for each number, docs/rules.md). */
export interface ComplaintsOptions {
  /** C-4: hours from filing to the due time. */
  slaHours: number;
  /** When the complaint-sla sweep runs (cron in BUSINESS_TZ). */
  slaCron: string;
  /** Complaints breached per transaction by the sweep. */
  slaBatchSize: number;
}

export const COMPLAINTS_OPTIONS = Symbol('COMPLAINTS_OPTIONS');

/** Provides COMPLAINTS_OPTIONS to every capability of the service. */
@Module({})
export class ComplaintsOptionsModule {
  static forRoot(config: ComplaintsConfig): DynamicModule {
    return {
      module: ComplaintsOptionsModule,
      global: true,
      providers: [{ provide: COMPLAINTS_OPTIONS, useValue: { slaHours: config.COMPLAINT_SLA_HOURS, slaCron: config.COMPLAINT_SLA_CRON, slaBatchSize: config.COMPLAINT_SLA_BATCH_SIZE } satisfies ComplaintsOptions }],
      exports: [COMPLAINTS_OPTIONS],
    };
  }
}
