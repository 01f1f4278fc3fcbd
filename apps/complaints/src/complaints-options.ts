/** The settings complaints' rules read, from the validated config (one place for each number, domain.md). */
export interface ComplaintsOptions {
  /** C-4: hours from filing to the due time. */
  slaHours: number;
  /** When the complaint-sla sweep runs (cron in BUSINESS_TZ). */
  slaCron: string;
  /** Complaints breached per transaction by the sweep. */
  slaBatchSize: number;
}

export const COMPLAINTS_OPTIONS = Symbol('COMPLAINTS_OPTIONS');
