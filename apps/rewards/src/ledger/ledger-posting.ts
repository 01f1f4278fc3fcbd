/**
 * R-3 with the choice that a balance never goes negative: how one earning change (a credit, or the reversal
 * of points no longer earned) lands on an account.
 *
 * - A credit first settles what the customer owes (points reversed after they were redeemed), each
 *   settlement its own ledger entry, and the rest raises the balance.
 * - A reversal takes what the balance allows; the shortfall is kept as `owedPoints`, settled from later credits.
 *
 * So `owed > 0` only while the balance is 0, and always `balance - owed = lifetime - redeemed`.
 */
export interface AccountState {
  balance: number;
  lifetimePoints: number;
  owedPoints: number;
}

export type PostingKind = 'CHANGE' | 'SETTLEMENT';

export interface Posting {
  kind: PostingKind;
  /** Signed points of the ledger entry; never 0. */
  points: number;
}

export function postEarning(account: AccountState, deltaPoints: number): { account: AccountState; postings: Posting[] } {
  if (!Number.isSafeInteger(deltaPoints)) throw new RangeError(`points must be whole, got ${deltaPoints}`);
  const lifetimePoints = account.lifetimePoints + deltaPoints;
  if (deltaPoints > 0) {
    const settled = Math.min(account.owedPoints, deltaPoints);
    const postings: Posting[] = [{ kind: 'CHANGE', points: deltaPoints }];
    if (settled > 0) postings.push({ kind: 'SETTLEMENT', points: -settled });
    return { account: { balance: account.balance + deltaPoints - settled, lifetimePoints, owedPoints: account.owedPoints - settled }, postings };
  }
  if (deltaPoints < 0) {
    const taken = Math.min(account.balance, -deltaPoints);
    const shortfall = -deltaPoints - taken;
    return {
      account: { balance: account.balance - taken, lifetimePoints, owedPoints: account.owedPoints + shortfall },
      postings: taken > 0 ? [{ kind: 'CHANGE', points: -taken }] : [],
    };
  }
  return { account: { ...account }, postings: [] };
}
