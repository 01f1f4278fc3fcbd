import type { HealthKeyring } from './health-data/reading-cipher';
import type { Cadence } from './visit-plans/cadence';

/** The settings service-visits' rules read, from the validated config (one place for each number, docs/rules.md). */
export interface ServiceVisitsOptions {
  /** BUSINESS_TZ: survey periods are business days in it. */
  tz: string;
  /** V-2: days without a meeting or home visit after which a customer is under-served. */
  adequacyDays: number;
  /** When the service-adequacy sweep runs (cron in BUSINESS_TZ), and customers flagged per transaction. */
  adequacyCron: string;
  adequacyBatchSize: number;
  /** V-3: return visits by stage, the follow-up after a complaint's resolution, the visit-plans sweep. */
  cadence: Cadence;
  followUpHours: number;
  visitPlansCron: string;
  /** V-1, P-1: the keys health readings are sealed with. */
  healthKeys: HealthKeyring;
}

export const SERVICE_VISITS_OPTIONS = Symbol('SERVICE_VISITS_OPTIONS');
