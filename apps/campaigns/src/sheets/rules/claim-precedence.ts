/**
 * Precedence between daily sheets listing the same customer for the same meeting (docs/rules.md J-4, J-5;
 * source text 三.2, 三.4).
 *
 * J-4 order: the earlier effective day wins; on the same effective day an on-time sheet beats a late one;
 * then the earlier submission; then the sheet id (plain code-unit order, not locale order) so the order is
 * total and every run settles a tie the same way.
 *
 * Locks: an on-time sheet locks the customer at once, so the first on-time sheet holds the lock; a late
 * sheet only claims, settled at the reconciliation of its effective day (J-8). A lock from an on-time sheet
 * is never taken away by a sheet submitted at or after it (J-4: "once locked, no other department may
 * invite or confirm"). Only a sheet submitted before the lock that ranks ahead of it can win over it (a late
 * sheet with an earlier effective day whose reconciliation had not run yet). With valid sheets a later sheet
 * never ranks ahead of an on-time lock anyway; the rule makes that hold for any input.
 */
import { isBusinessDate } from '@crm/clock';

export interface SheetClaim {
  sheetId: string;
  departmentId: string;
  effectiveDay: string;
  late: boolean;
  submittedAt: Date;
}

/**
 * Why a claim lost. SHEET_ID_TIE_BREAK: same effective day, same lateness and the same submission instant,
 * settled by sheet id only (so a report never claims "earlier submission" when there was none).
 */
export type ClaimLossReason =
  | 'LOCKED_EARLIER'
  | 'EARLIER_EFFECTIVE_DAY'
  | 'ON_TIME_BEATS_LATE'
  | 'EARLIER_SUBMISSION'
  | 'SHEET_ID_TIE_BREAK';

export interface ClaimLoss<C extends SheetClaim = SheetClaim> {
  claim: C;
  reason: ClaimLossReason;
}

export interface ClaimSettlement<C extends SheetClaim = SheetClaim> {
  winner: C;
  /** Every other claim, in precedence order. */
  losers: ClaimLoss<C>[];
}

const order = (x: string | number, y: string | number): number => (x < y ? -1 : x > y ? 1 : 0);

/** J-4: negative if `a` takes precedence over `b`, positive if `b` does, 0 only for the same sheet id. */
export function compareClaims(a: SheetClaim, b: SheetClaim): number {
  return (
    order(a.effectiveDay, b.effectiveDay) ||
    order(a.late ? 1 : 0, b.late ? 1 : 0) ||
    order(a.submittedAt.getTime(), b.submittedAt.getTime()) ||
    order(a.sheetId, b.sheetId)
  );
}

/** The J-4 criterion by which `winner` ranks ahead of `loser`. */
function precedenceReason(winner: SheetClaim, loser: SheetClaim): ClaimLossReason {
  if (winner.effectiveDay !== loser.effectiveDay) return 'EARLIER_EFFECTIVE_DAY';
  if (winner.late !== loser.late) return 'ON_TIME_BEATS_LATE';
  if (winner.submittedAt.getTime() !== loser.submittedAt.getTime()) return 'EARLIER_SUBMISSION';
  return 'SHEET_ID_TIE_BREAK';
}

function assertClaim(c: SheetClaim): void {
  if (!c.sheetId) throw new RangeError('a claim needs a sheetId');
  if (!isBusinessDate(c.effectiveDay)) throw new RangeError(`claim ${c.sheetId}: effectiveDay '${c.effectiveDay}' is not 'YYYY-MM-DD'`);
  if (Number.isNaN(c.submittedAt.getTime())) throw new RangeError(`claim ${c.sheetId}: submittedAt is not a valid instant`);
}

const sameClaim = (a: SheetClaim, b: SheetClaim): boolean =>
  a.departmentId === b.departmentId &&
  a.effectiveDay === b.effectiveDay &&
  a.late === b.late &&
  a.submittedAt.getTime() === b.submittedAt.getTime();

/**
 * J-4/J-5: settles all claims on one customer of one meeting. `existingLock` is the current holder, if any
 * (it may also appear in `claims`). Throws RangeError when there is nothing to settle, on a malformed claim,
 * or when two different claims share a sheet id.
 */
export function settleClaims<C extends SheetClaim>(claims: readonly C[], existingLock?: C): ClaimSettlement<C> {
  const byId = new Map<string, C>();
  for (const c of existingLock ? [existingLock, ...claims] : claims) {
    assertClaim(c);
    const seen = byId.get(c.sheetId);
    if (seen && !sameClaim(seen, c)) throw new RangeError(`two different claims share sheet id ${c.sheetId}`);
    if (!seen) byId.set(c.sheetId, c);
  }
  if (byId.size === 0) throw new RangeError('settleClaims needs at least one claim or a lock');

  const ranked = [...byId.values()].sort(compareClaims);
  // Only an on-time sheet's lock is protected; a late holder won its reconciliation by precedence alone,
  // and precedence keeps protecting it.
  const lock = existingLock && !existingLock.late ? byId.get(existingLock.sheetId) : undefined;
  const cameAfterLock = (c: C): boolean => lock !== undefined && c !== lock && c.submittedAt.getTime() >= lock.submittedAt.getTime();
  // The first in precedence order that is not barred by the lock; the lock holder itself always qualifies.
  const winner = ranked.find((c) => !cameAfterLock(c)) as C;

  const losers = ranked
    .filter((c) => c !== winner)
    .map((claim): ClaimLoss<C> => {
      // Came after the lock and the lock held (or the claim outranks the winner only because the lock barred it).
      const barred = cameAfterLock(claim) && (winner === lock || compareClaims(claim, winner) < 0);
      return { claim, reason: barred ? 'LOCKED_EARLIER' : precedenceReason(winner, claim) };
    });
  return { winner, losers };
}
