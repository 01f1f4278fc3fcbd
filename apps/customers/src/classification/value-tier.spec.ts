import fc from 'fast-check';
import { DAY_MS } from './stage';
import {
  assignValueTiers,
  CustomerSpend,
  DEFAULT_TIER_SHARES,
  tierCounts,
  tierForCustomersAhead,
  trailingSpendFen,
  ValueTier,
} from './value-tier';

/** Customers c001.. with the given spends, in that order. */
const customers = (spends: number[]): CustomerSpend[] =>
  spends.map((spendFen, i) => ({ customerId: `c${String(i + 1).padStart(3, '0')}`, spendFen }));
const tiersOf = (spends: number[]) => [...assignValueTiers(customers(spends)).values()];
const countTiers = (tiers: (ValueTier | null)[]) => ({
  A: tiers.filter((t) => t === 'A').length,
  B: tiers.filter((t) => t === 'B').length,
  C: tiers.filter((t) => t === 'C').length,
});

describe('S-2 rounding: A = ceil(20%·n), A+B = ceil(50%·n) spending customers (no ties)', () => {
  it.each<[number, number, number, number]>([
    [1, 1, 0, 0],
    [2, 1, 0, 1],
    [3, 1, 1, 1],
    [4, 1, 1, 2],
    [5, 1, 2, 2],
    [6, 2, 1, 3],
    [7, 2, 2, 3],
    [8, 2, 2, 4],
    [9, 2, 3, 4],
    [10, 2, 3, 5],
    [11, 3, 3, 5],
    [15, 3, 5, 7], // 0.2 * 15 is 3.0000000000000004 in floating point: must still be 3
    [20, 4, 6, 10],
    [35, 7, 11, 17], // 0.2 * 35 = 7.000000000000001 in floating point
    [100, 20, 30, 50],
    [101, 21, 30, 50],
  ])('S-2 n=%i → %i A, %i B, %i C', (n, a, b, c) => {
    expect(tierCounts(n)).toEqual({ A: a, B: b, C: c });
    const spends = Array.from({ length: n }, (_, i) => (n - i) * 100);
    expect(countTiers(tiersOf(spends))).toEqual({ A: a, B: b, C: c });
  });

  it('S-2 every n from 1 to 100: counts match, the order follows spend, and the best customer is A', () => {
    for (let n = 1; n <= 100; n++) {
      // Distinct spends, not in spend order: odd positions low, even positions high.
      const spends = Array.from({ length: n }, (_, i) => (i % 2 === 1 ? i : n + i) * 1000 + 1);
      const tiers = tiersOf(spends);
      expect(countTiers(tiers)).toEqual(tierCounts(n));
      expect(tierCounts(n).A + tierCounts(n).B + tierCounts(n).C).toBe(n);
      const bySpend = spends.map((s, i) => [s, tiers[i]] as const).sort((x, y) => y[0] - x[0]);
      expect(bySpend.map(([, t]) => t).join('')).toBe(
        'A'.repeat(tierCounts(n).A) + 'B'.repeat(tierCounts(n).B) + 'C'.repeat(tierCounts(n).C),
      );
    }
  });
});

describe('S-2 customers without spend have no tier', () => {
  it.each<[string, number[], (ValueTier | null)[]]>([
    ['nobody spent', [0, 0, 0], [null, null, null]],
    ['net refunds below zero', [-500, 0, 100], [null, null, 'A']],
    [
      'spenders ranked among themselves only',
      [0, 300, 0, 200, 100, 0, 0, 0, 0, 0],
      [null, 'A', null, 'B', 'C', null, null, null, null, null],
    ],
    ['one fen is spend', [1], ['A']],
  ])('S-2 %s', (_label, spends, expected) => {
    expect(tiersOf(spends)).toEqual(expected);
  });

  it('S-2 an empty list gives an empty map', () => {
    expect(assignValueTiers([])).toEqual(new Map());
  });
});

describe('S-2 ties: equal spend, equal tier; a tie across a boundary takes the higher tier', () => {
  it.each<[string, number[], (ValueTier | null)[]]>([
    ['all equal → all A', [500, 500, 500, 500, 500], ['A', 'A', 'A', 'A', 'A']],
    [
      'tie for first of 10 (A boundary at 2)',
      [900, 900, 900, 800, 700, 600, 500, 400, 300, 200],
      ['A', 'A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', 'C'],
    ],
    [
      'tie straddling the A boundary of 10',
      [900, 800, 800, 800, 500, 400, 300, 200, 100, 50],
      ['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C', 'C'],
    ],
    [
      'tie straddling the B boundary of 10',
      [900, 800, 700, 600, 500, 500, 500, 200, 100, 50],
      ['A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C', 'C'],
    ],
    [
      'tie entirely inside C',
      [900, 800, 700, 600, 500, 100, 100, 100, 100, 100],
      ['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C'],
    ],
    ['two equal of two → both A', [100, 100], ['A', 'A']],
    ['n=5 with the runner-up tied', [500, 400, 400, 100, 50], ['A', 'B', 'B', 'C', 'C']],
  ])('S-2 %s', (_label, spends, expected) => {
    expect(tiersOf(spends)).toEqual(expected);
  });
});

describe('S-2 tierForCustomersAhead', () => {
  it.each<[number, number, ValueTier]>([
    [0, 1, 'A'],
    [0, 5, 'A'],
    [1, 5, 'B'], // 1/5 = 20% ahead: not fewer than 20%
    [2, 5, 'B'],
    [3, 5, 'C'],
    [1, 6, 'A'], // 1/6 ≈ 16.7% ahead
    [2, 6, 'B'],
    [2, 10, 'B'],
    [4, 10, 'B'],
    [5, 10, 'C'], // 50% ahead: not fewer than 50%
    [2, 15, 'A'],
    [3, 15, 'B'],
  ])('S-2 %i ahead of %i → %s', (ahead, n, tier) => expect(tierForCustomersAhead(ahead, n)).toBe(tier));
});

describe('S-2 properties', () => {
  const spendList = fc.array(fc.integer({ min: -1000, max: 5000 }), { maxLength: 120 });

  it('S-2 equal spend gets equal tier, more spend never a lower tier', () => {
    const rank = { A: 0, B: 1, C: 2 };
    fc.assert(
      fc.property(spendList, (spends) => {
        const tiers = tiersOf(spends);
        spends.forEach((s, i) =>
          spends.forEach((t, j) => {
            if (s <= 0 || t <= 0) return;
            const ti = tiers[i] as ValueTier;
            const tj = tiers[j] as ValueTier;
            if (s === t) expect(ti).toBe(tj);
            if (s > t) expect(rank[ti]).toBeLessThanOrEqual(rank[tj]);
          }),
        );
      }),
    );
  });

  it('S-2 null exactly for spend ≤ 0; the top spender is A; A and A+B hold at least their share', () => {
    fc.assert(
      fc.property(spendList, (spends) => {
        const tiers = tiersOf(spends);
        spends.forEach((s, i) => expect(tiers[i] === null).toBe(s <= 0));
        const n = spends.filter((s) => s > 0).length;
        if (n === 0) return;
        expect(tiers[spends.indexOf(Math.max(...spends))]).toBe('A');
        const c = countTiers(tiers);
        expect(c.A).toBeGreaterThanOrEqual(tierCounts(n).A);
        expect(c.A + c.B).toBeGreaterThanOrEqual(tierCounts(n).A + tierCounts(n).B);
      }),
    );
  });

  it('S-2 the input order does not matter', () => {
    fc.assert(
      fc.property(spendList, (spends) => {
        const list = customers(spends);
        const forward = assignValueTiers(list);
        const backward = assignValueTiers([...list].reverse());
        for (const { customerId } of list) expect(backward.get(customerId)).toBe(forward.get(customerId));
      }),
    );
  });

  it('S-2 without ties the counts are exact', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 150 }), (spends) => {
        expect(countTiers(tiersOf(spends))).toEqual(tierCounts(spends.length));
      }),
    );
  });
});

describe('S-2 configuration and bad input', () => {
  it('S-2 defaults are 20% A and 30% B', () =>
    expect(DEFAULT_TIER_SHARES).toEqual({ aPercent: 20, bPercent: 30 }));

  it('S-2 other shares move the boundaries', () => {
    expect(
      countTiers([
        ...assignValueTiers(customers([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), {
          aPercent: 10,
          bPercent: 10,
        }).values(),
      ]),
    ).toEqual({ A: 1, B: 1, C: 8 });
  });

  it.each<[string, CustomerSpend[]]>([
    [
      'a repeated customer',
      [
        { customerId: 'x', spendFen: 1 },
        { customerId: 'x', spendFen: 2 },
      ],
    ],
    ['fractional fen', [{ customerId: 'x', spendFen: 1.5 }]],
    ['NaN', [{ customerId: 'x', spendFen: Number.NaN }]],
  ])('S-2 %s is refused', (_label, spends) => {
    expect(() => assignValueTiers(spends)).toThrow(RangeError);
  });
});

describe('S-2 trailingSpendFen over [now − 365 days, now]', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');
  const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY_MS - ms);

  it.each<[string, { at: Date; amountFen: number }[], number]>([
    ['no sales', [], 0],
    ['one sale yesterday', [{ at: ago(1), amountFen: 12_345 }], 12_345],
    ['a sale exactly 365 days ago counts', [{ at: ago(365), amountFen: 100 }], 100],
    ['a sale 365 days and 1 ms ago does not', [{ at: ago(365, 1), amountFen: 100 }], 0],
    ['a fully refunded sale is zero', [{ at: ago(3), amountFen: 0 }], 0],
    ['a sale 1 ms in the future counts as now', [{ at: ago(0, -1), amountFen: 7 }], 7],
    [
      'mixed',
      [
        { at: ago(1), amountFen: 100 },
        { at: ago(400), amountFen: 1_000 },
        { at: ago(364), amountFen: 50 },
      ],
      150,
    ],
  ])('S-2 %s', (_label, sales, total) => {
    expect(trailingSpendFen(sales, now)).toBe(total);
  });

  it('S-2 refuses fractional fen and invalid dates', () => {
    expect(() => trailingSpendFen([{ at: now, amountFen: 0.5 }], now)).toThrow(RangeError);
    expect(() => trailingSpendFen([{ at: new Date(Number.NaN), amountFen: 1 }], now)).toThrow(RangeError);
    expect(() => trailingSpendFen([], new Date(Number.NaN))).toThrow(RangeError);
  });
});
