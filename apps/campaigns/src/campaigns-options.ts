/** The settings campaigns' rules read, from the validated config (one place for each number, domain.md). */
export interface CampaignsOptions {
  /** BUSINESS_TZ: business days, cutoffs and deadlines are read in it. */
  tz: string;
  /** J-3 submission window, in days before a joint meeting. */
  sheetWindowDays: number;
}

export const CAMPAIGNS_OPTIONS = Symbol('CAMPAIGNS_OPTIONS');
