import type { SheetRulesConfig } from './sheets/rules';

/** The settings campaigns' rules read, from the validated config (one place for each number, docs/rules.md). */
export interface CampaignsOptions {
  /** BUSINESS_TZ: business days, cutoffs and deadlines are read in it. */
  tz: string;
  /** J-3..J-6: the submission window, the 18:00 cutoff and the meeting-day deadlines. */
  sheetRules: SheetRulesConfig;
  /** When the sheet-cutoff sweep runs (cron in BUSINESS_TZ). */
  sheetCutoffCron: string;
}

export const CAMPAIGNS_OPTIONS = Symbol('CAMPAIGNS_OPTIONS');
