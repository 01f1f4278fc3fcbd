/**
 * S-2 value tiers (二八理论): over trailing-365-day spend of customers who spent anything, the top 20% are
 * A, the next 30% B, the rest C; customers without spend have no tier.
 *
 * One definition settles both rounding and ties:
 *   a customer is A when fewer than 20% of the spending customers spent strictly more than they did,
 *   B when fewer than 50% did, and C otherwise.
 * Consequences, each deliberate:
 * - Without ties, A is the top ceil(0.2·n) customers and A+B the top ceil(0.5·n). Rounding up means the
 *   best customer is always A (floor would leave 1..4 spending customers with no A at all), e.g.
 *   n=1: A; n=2: A, C; n=3: A, B, C; n=10: 2 A, 3 B, 5 C.
 * - Equal spend always gets the same tier, because it has the same number of customers ahead of it. A
 *   group of equal spenders straddling a boundary all get the higher tier (standard competition ranking,
 *   "1224"), so a tier may hold more than its share; nobody is demoted for tying with someone who made it.
 * - The comparison is done in integers (ahead·100 < n·percent), never with 0.2·n in floating point, where
 *   0.2·15 = 3.0000000000000004 would round up to 4.
 *
 * Pure: no I/O, no clock.
 */

export type ValueTier = 'A' | 'B' | 'C';

export interface CustomerSpend {
  customerId: string;
  /** Trailing-365-day spend in integer fen, net of refunds. Zero or less means no tier. */
  spendFen: number;
}

/** Percent of spending customers in A, and in B after A; the defaults are docs/rules.md's 20/30. */
export interface TierShares {
  aPercent: number;
  bPercent: number;
}

export const DEFAULT_TIER_SHARES: Readonly<TierShares> = Object.freeze({ aPercent: 20, bPercent: 30 });

/** The spend window of S-2, in days, matching the closed-window convention of S-1 (stage.ts). */
export const VALUE_TIER_WINDOW_DAYS = 365;

const DAY_MS = 86_400_000;

/** The tier of a spending customer given how many of the `n` spending customers spent strictly more. */
export function tierForCustomersAhead(
  ahead: number,
  n: number,
  shares: TierShares = DEFAULT_TIER_SHARES,
): ValueTier {
  if (ahead * 100 < n * shares.aPercent) return 'A';
  if (ahead * 100 < n * (shares.aPercent + shares.bPercent)) return 'B';
  return 'C';
}

/** Tier sizes for `n` spending customers with all-different spend: A = ceil(20%·n), A+B = ceil(50%·n). */
export function tierCounts(n: number, shares: TierShares = DEFAULT_TIER_SHARES): Record<ValueTier, number> {
  const ceilPercent = (percent: number) => Math.floor((n * percent + 99) / 100);
  const a = ceilPercent(shares.aPercent);
  const ab = ceilPercent(shares.aPercent + shares.bPercent);
  return { A: a, B: ab - a, C: n - ab };
}

/**
 * S-2: the tier of every customer given, keyed by customer id in input order; `null` for spend ≤ 0.
 * Throws RangeError for a repeated customer id or a spend that is not an integer number of fen: both are
 * aggregation mistakes upstream that would silently skew everyone's tier.
 */
export function assignValueTiers(
  spends: readonly CustomerSpend[],
  shares: TierShares = DEFAULT_TIER_SHARES,
): Map<string, ValueTier | null> {
  const seen = new Set<string>();
  for (const { customerId, spendFen } of spends) {
    if (seen.has(customerId)) throw new RangeError(`customer ${customerId} appears twice`);
    seen.add(customerId);
    if (!Number.isSafeInteger(spendFen))
      throw new RangeError(`spend of ${customerId} must be integer fen, got ${spendFen}`);
  }

  const spending = spends.filter((s) => s.spendFen > 0).map((s) => s.spendFen);
  spending.sort((a, b) => b - a);
  const n = spending.length;
  // Customers strictly ahead of a spend = index of its first occurrence in the descending list.
  const aheadBySpend = new Map<number, number>();
  spending.forEach((spend, index) => {
    if (!aheadBySpend.has(spend)) aheadBySpend.set(spend, index);
  });

  const tiers = new Map<string, ValueTier | null>();
  for (const { customerId, spendFen } of spends) {
    const ahead = aheadBySpend.get(spendFen);
    tiers.set(
      customerId,
      spendFen > 0 && ahead !== undefined ? tierForCustomersAhead(ahead, n, shares) : null,
    );
  }
  return tiers;
}

export interface SaleAmount {
  /** When the sale was made. */
  at: Date;
  /** The sale's amount net of its refunds, in fen (a fully refunded sale is 0). */
  amountFen: number;
}

/**
 * S-2 input: spend over the closed window [now − 365 days, now] (the same convention as S-1). A sale is
 * counted at its sale time with its refunds netted in, so a refund of an old sale never makes this year's
 * spend negative. Sales dated after `now` count as now (clock skew between services).
 */
export function trailingSpendFen(
  sales: readonly SaleAmount[],
  now: Date,
  days: number = VALUE_TIER_WINDOW_DAYS,
): number {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now must be a valid Date');
  let total = 0;
  for (const { at, amountFen } of sales) {
    if (!Number.isSafeInteger(amountFen))
      throw new RangeError(`sale amounts must be integer fen, got ${amountFen}`);
    const atMs = at.getTime();
    if (Number.isNaN(atMs)) throw new RangeError('sale times must be valid Dates');
    if (nowMs - Math.min(atMs, nowMs) <= days * DAY_MS) total += amountFen;
  }
  return total;
}
