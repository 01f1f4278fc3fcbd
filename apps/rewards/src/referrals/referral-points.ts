/**
 * as arithmetic, in integers only (fen and points), so no float ever decides a point.
 */

/** what a referrer earns when the customer they brought first attends a meeting. */
export const REFERRAL_ATTENDANCE_POINTS = 100;

/** 100 points per full 1000 yuan (100 000 fen) of a referred customer's spend at one meeting. */
export const REFERRAL_SALES_STEP_FEN = 100_000;
export const REFERRAL_SALES_POINTS_PER_STEP = 100;

/** R-2 of a net spend: floor(net / 1000 yuan) × 100; nothing for a net of zero or less. */
export function referralSalesPoints(netFen: number): number {
  if (!Number.isSafeInteger(netFen)) throw new RangeError(`spend must be a whole number of fen, got ${netFen}`);
  if (netFen <= 0) return 0;
  // Integer division without a float quotient: exact for every safe integer.
  const steps = (netFen - (netFen % REFERRAL_SALES_STEP_FEN)) / REFERRAL_SALES_STEP_FEN;
  return steps * REFERRAL_SALES_POINTS_PER_STEP;
}

/** One (referred customer, meeting, referrer): the net spend seen so far and the points credited for it. */
export interface ReferralSpend {
  netFen: number;
  creditedPoints: number;
}

/**
 * A sale (positive) or refund (negative) changes the net spend; the referrer is owed the difference between
 * what the new net earns and what was credited so far: positive credits, negative reverses, zero writes nothing.
 */
export function applySpendChange(spend: ReferralSpend, changeFen: number): { spend: ReferralSpend; deltaPoints: number } {
  if (!Number.isSafeInteger(changeFen)) throw new RangeError(`a spend change must be a whole number of fen, got ${changeFen}`);
  const netFen = spend.netFen + changeFen;
  const earned = referralSalesPoints(netFen);
  return { spend: { netFen, creditedPoints: earned }, deltaPoints: earned - spend.creditedPoints };
}
