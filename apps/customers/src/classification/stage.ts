/**
 * S-1 customer stage from facts, and the S-3 lifecycle-history entry when the stage changes.
 *
 * Boundaries (decided here, once, for every caller):
 * - A day is 24 hours (86 400 000 ms) of elapsed time. BUSINESS_TZ Asia/Shanghai has no daylight saving,
 *   so this equals calendar days there, and it keeps the rule independent of the server's time zone.
 * - "In the last N days" is the closed window [now − N days, now]: an event exactly N days ago is still
 *   inside; one millisecond earlier is outside. The nightly sweep and the event-driven recomputation
 *   then agree on the same instant, and SQL `>= now - interval 'N days'` expresses the same window.
 * - A fact dated after `now` (another service's clock a few ms ahead, or a test clock moved back) is
 *   treated as happening at `now`: it has happened as far as this decision is concerned, so a purchase
 *   just recorded is never ignored.
 *
 * Pure: `now` comes in with the facts; nothing here reads a clock.
 */

export type CustomerStage = 'PROBLEM' | 'CHURNED' | 'LOYAL' | 'NEW' | 'POTENTIAL';

/** What S-1 looks at. Purchases are net of fully refunded ones (the caller drops those). */
export interface StageFacts {
  now: Date;
  /** Complaints filed and not yet resolved. */
  openComplaints: number;
  /** When the most recently resolved complaint was resolved, or null if none ever was. */
  lastComplaintResolvedAt: Date | null;
  /** Times of the customer's purchases, any order. */
  purchases: readonly Date[];
  /** When the customer last attended a meeting (checked in), or null if never. */
  lastAttendedAt: Date | null;
}

/** The S-1 numbers, in one place; the defaults are docs/rules.md's. */
export interface StageWindows {
  /** PROBLEM while a complaint was resolved within this many days. */
  problemDays: number;
  /** CHURNED needs no purchase within this many days… */
  churnPurchaseDays: number;
  /** …and no meeting attended within this many days. */
  churnAttendanceDays: number;
  /** LOYAL counts purchases within this many days… */
  loyalWindowDays: number;
  /** …and needs at least this many. */
  loyalMinPurchases: number;
  /** NEW while the first purchase is within this many days. */
  newDays: number;
}

export const DEFAULT_STAGE_WINDOWS: Readonly<StageWindows> = Object.freeze({
  problemDays: 30,
  churnPurchaseDays: 365,
  churnAttendanceDays: 180,
  loyalWindowDays: 365,
  loyalMinPurchases: 3,
  newDays: 90,
});

/** Why the stage is what it is: a stable code (for translation and queries) beside the English reason. */
export type StageCause =
  | 'OPEN_COMPLAINT'
  | 'COMPLAINT_RECENTLY_RESOLVED'
  | 'LAPSED'
  | 'FREQUENT_BUYER'
  | 'RECENT_FIRST_PURCHASE'
  | 'NO_PURCHASE'
  | 'ATTENDED_RECENTLY'
  | 'OCCASIONAL_BUYER';

export interface StageDecision {
  stage: CustomerStage;
  cause: StageCause;
  /** Human-readable cause for the lifecycle history (S-3), naming the rule and the facts used. */
  reason: string;
  /** The instant the decision refers to (`facts.now`). */
  at: Date;
}

/** An S-3 lifecycle-history entry: the stage moved from `from` (null for a customer's first stage) to `to`. */
export interface StageChange {
  from: CustomerStage | null;
  to: CustomerStage;
  at: Date;
  cause: StageCause;
  reason: string;
}

export const DAY_MS = 86_400_000;

function assertDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new RangeError(`${name} must be a valid Date`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * S-1: the customer's stage, checked in the rule's order (the first that holds wins):
 * PROBLEM, CHURNED, LOYAL, NEW, else POTENTIAL.
 */
export function classifyStage(
  facts: StageFacts,
  windows: StageWindows = DEFAULT_STAGE_WINDOWS,
): StageDecision {
  const { now, openComplaints, lastComplaintResolvedAt, purchases, lastAttendedAt } = facts;
  assertDate(now, 'now');
  if (!Number.isSafeInteger(openComplaints) || openComplaints < 0) {
    throw new RangeError(`openComplaints must be a non-negative integer, got ${openComplaints}`);
  }
  if (lastComplaintResolvedAt) assertDate(lastComplaintResolvedAt, 'lastComplaintResolvedAt');
  if (lastAttendedAt) assertDate(lastAttendedAt, 'lastAttendedAt');
  purchases.forEach((p, i) => assertDate(p, `purchases[${i}]`));

  const nowMs = now.getTime();
  // Clamp future facts to now (see the file comment).
  const at = (d: Date) => Math.min(d.getTime(), nowMs);
  const within = (d: Date, days: number) => nowMs - at(d) <= days * DAY_MS;
  const iso = (d: Date) => new Date(at(d)).toISOString();
  const ago = (d: Date) => plural(Math.floor((nowMs - at(d)) / DAY_MS), 'day');
  const decide = (stage: CustomerStage, cause: StageCause, why: string): StageDecision => ({
    stage,
    cause,
    reason: `S-1 ${stage}: ${why}`,
    at: new Date(nowMs),
  });

  if (openComplaints > 0) {
    return decide('PROBLEM', 'OPEN_COMPLAINT', `${plural(openComplaints, 'unresolved complaint')}`);
  }
  if (lastComplaintResolvedAt && within(lastComplaintResolvedAt, windows.problemDays)) {
    return decide(
      'PROBLEM',
      'COMPLAINT_RECENTLY_RESOLVED',
      `a complaint was resolved ${ago(lastComplaintResolvedAt)} ago (${iso(lastComplaintResolvedAt)}), within ${windows.problemDays} days`,
    );
  }

  if (purchases.length === 0) return decide('POTENTIAL', 'NO_PURCHASE', 'no purchase yet');

  const sorted = [...purchases].sort((a, b) => at(a) - at(b));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const attendedRecently = lastAttendedAt !== null && within(lastAttendedAt, windows.churnAttendanceDays);

  if (!within(last, windows.churnPurchaseDays)) {
    if (!attendedRecently) {
      const attendance = lastAttendedAt
        ? `last attended a meeting ${ago(lastAttendedAt)} ago (${iso(lastAttendedAt)})`
        : 'never attended a meeting';
      return decide(
        'CHURNED',
        'LAPSED',
        `last purchase ${ago(last)} ago (${iso(last)}), none within ${windows.churnPurchaseDays} days, and ${attendance}, none within ${windows.churnAttendanceDays} days`,
      );
    }
  }

  const recentPurchases = sorted.filter((p) => within(p, windows.loyalWindowDays)).length;
  if (recentPurchases >= windows.loyalMinPurchases) {
    return decide(
      'LOYAL',
      'FREQUENT_BUYER',
      `${plural(recentPurchases, 'purchase')} within ${windows.loyalWindowDays} days (at least ${windows.loyalMinPurchases})`,
    );
  }
  if (within(first, windows.newDays)) {
    return decide(
      'NEW',
      'RECENT_FIRST_PURCHASE',
      `first purchase ${ago(first)} ago (${iso(first)}), within ${windows.newDays} days`,
    );
  }
  if (!within(last, windows.churnPurchaseDays) && attendedRecently && lastAttendedAt) {
    return decide(
      'POTENTIAL',
      'ATTENDED_RECENTLY',
      `no purchase within ${windows.churnPurchaseDays} days, but attended a meeting ${ago(lastAttendedAt)} ago (${iso(lastAttendedAt)}), within ${windows.churnAttendanceDays} days`,
    );
  }
  return decide(
    'POTENTIAL',
    'OCCASIONAL_BUYER',
    `${plural(recentPurchases, 'purchase')} within ${windows.loyalWindowDays} days (fewer than ${windows.loyalMinPurchases}), first purchase ${ago(first)} ago, not within ${windows.newDays} days`,
  );
}

/**
 * S-3: the lifecycle-history entry to record, or null when the stage did not change (recomputing
 * nightly must not fill the history with "POTENTIAL → POTENTIAL").
 */
export function stageChange(previous: CustomerStage | null, decision: StageDecision): StageChange | null {
  if (previous === decision.stage) return null;
  return {
    from: previous,
    to: decision.stage,
    at: decision.at,
    cause: decision.cause,
    reason: decision.reason,
  };
}
