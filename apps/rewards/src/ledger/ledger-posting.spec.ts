import fc from 'fast-check';
import { AccountState, postEarning } from './ledger-posting';

const empty: AccountState = { balance: 0, lifetimePoints: 0, owedPoints: 0 };

describe('posting earnings on an account (R-3, balance never negative)', () => {
  it('credits the balance and the lifetime points', () => {
    expect(postEarning(empty, 100)).toEqual({ account: { balance: 100, lifetimePoints: 100, owedPoints: 0 }, postings: [{ kind: 'CHANGE', points: 100 }] });
  });

  it('reverses what the balance holds', () => {
    expect(postEarning({ balance: 300, lifetimePoints: 300, owedPoints: 0 }, -200)).toEqual({
      account: { balance: 100, lifetimePoints: 100, owedPoints: 0 },
      postings: [{ kind: 'CHANGE', points: -200 }],
    });
  });

  it('keeps as owed what was already redeemed, and reverses the rest', () => {
    // 300 earned, 250 redeemed, then 200 reversed: 50 can be taken back, 150 is owed.
    expect(postEarning({ balance: 50, lifetimePoints: 300, owedPoints: 0 }, -200)).toEqual({
      account: { balance: 0, lifetimePoints: 100, owedPoints: 150 },
      postings: [{ kind: 'CHANGE', points: -50 }],
    });
  });

  it('writes no entry when nothing can be taken back', () => {
    expect(postEarning({ balance: 0, lifetimePoints: 100, owedPoints: 0 }, -100)).toEqual({
      account: { balance: 0, lifetimePoints: 0, owedPoints: 100 },
      postings: [],
    });
  });

  it('settles owed points first from a later credit, as an entry of its own', () => {
    expect(postEarning({ balance: 0, lifetimePoints: 100, owedPoints: 150 }, 100)).toEqual({
      account: { balance: 0, lifetimePoints: 200, owedPoints: 50 },
      postings: [{ kind: 'CHANGE', points: 100 }, { kind: 'SETTLEMENT', points: -100 }],
    });
    expect(postEarning({ balance: 0, lifetimePoints: 200, owedPoints: 50 }, 200)).toEqual({
      account: { balance: 150, lifetimePoints: 400, owedPoints: 0 },
      postings: [{ kind: 'CHANGE', points: 200 }, { kind: 'SETTLEMENT', points: -50 }],
    });
  });

  it('changes nothing for 0 points', () => {
    expect(postEarning({ balance: 5, lifetimePoints: 5, owedPoints: 0 }, 0)).toEqual({ account: { balance: 5, lifetimePoints: 5, owedPoints: 0 }, postings: [] });
  });

  it('over any earnings, reversals and redemptions: never negative, entries sum to the balance, balance - owed = lifetime - redeemed', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('earn' as const), points: fc.integer({ min: -1000, max: 1000 }).map((p) => p * 100) }),
      fc.record({ kind: fc.constant('redeem' as const), points: fc.integer({ min: 1, max: 100_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let account = empty;
        let entries = 0;
        let redeemed = 0;
        for (const s of steps) {
          if (s.kind === 'redeem') {
            if (s.points > account.balance) continue; // refused: POINTS_INSUFFICIENT
            account = { ...account, balance: account.balance - s.points };
            entries -= s.points;
            redeemed += s.points;
          } else {
            const posted = postEarning(account, s.points);
            for (const p of posted.postings) {
              expect(p.points).not.toBe(0);
              entries += p.points;
            }
            account = posted.account;
          }
          expect(account.balance).toBeGreaterThanOrEqual(0);
          expect(account.owedPoints).toBeGreaterThanOrEqual(0);
          expect(account.owedPoints > 0 ? account.balance : 0).toBe(0);
          expect(entries).toBe(account.balance);
          expect(account.balance - account.owedPoints).toBe(account.lifetimePoints - redeemed);
        }
      }),
      { numRuns: 500 },
    );
  });
});
