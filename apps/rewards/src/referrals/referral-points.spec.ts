import fc from 'fast-check';
import { applySpendChange, referralSalesPoints, ReferralSpend } from './referral-points';

describe('R-2 referral sales points', () => {
  it.each([
    [0, 0],
    [1, 0],
    [99_999, 0],
    [100_000, 100],
    [100_001, 100],
    [199_999, 100],
    [200_000, 200],
    [250_000, 200],
    [999_999, 900],
    [1_000_000, 1000],
    [12_345_678, 12_300],
    [-1, 0],
    [-500_000, 0],
    [Number.MAX_SAFE_INTEGER, Math.floor(Number.MAX_SAFE_INTEGER / 100_000) * 100],
  ])('a net spend of %i fen earns %i points', (net, points) => {
    expect(referralSalesPoints(net)).toBe(points);
  });

  it.each([0.5, 100_000.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %p fen (not a safe whole number)', (net) => {
    expect(() => referralSalesPoints(net)).toThrow(RangeError);
  });

  it.each<[string, [number, number][], number[]]>([
    ['one sale under 1000 yuan earns nothing', [[0, 99_999]], [0]],
    ['one sale of 1500 yuan earns 100', [[0, 150_000]], [100]],
    ['a second sale crossing 2000 yuan earns 100 more', [[0, 150_000], [0, 60_000]], [100, 100]],
    ['a refund below the step reverses 100', [[0, 150_000], [0, -60_000]], [100, -100]],
    ['a refund that keeps the step reverses nothing', [[0, 250_000], [0, -40_000]], [200, 0]],
    ['a full refund reverses all', [[0, 350_000], [0, -350_000]], [300, -300]],
    ['a refund then a new sale earns again', [[0, 100_000], [0, -100_000], [0, 100_000]], [100, -100, 100]],
  ])('%s', (_what, changes, deltas) => {
    let spend: ReferralSpend = { netFen: 0, creditedPoints: 0 };
    const seen: number[] = [];
    for (const [, change] of changes) {
      const next = applySpendChange(spend, change);
      seen.push(next.deltaPoints);
      spend = next.spend;
    }
    expect(seen).toEqual(deltas);
  });

  /**
   * Sales and refunds of one (customer, meeting, referrer), each refund at most what is left of its sale,
   * delivered in any order. Delivery works as the service does: a refund whose sale is unknown is held and
   * applied with the sale; a known sale's refund applies at once.
   */
  const history = fc
    .array(fc.record({ amount: fc.integer({ min: 1, max: 5_000_000 }), refundShares: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }) }), { minLength: 1, maxLength: 8 })
    .map((sales) => {
      const events: ({ kind: 'sale'; sale: number; amount: number } | { kind: 'refund'; sale: number; amount: number })[] = [];
      sales.forEach((s, sale) => {
        events.push({ kind: 'sale', sale, amount: s.amount });
        let left = s.amount;
        for (const share of s.refundShares) {
          const amount = Math.floor((left * share) / 100);
          if (amount < 1) continue;
          events.push({ kind: 'refund', sale, amount });
          left -= amount;
        }
      });
      return events;
    });

  it('credits, whatever the delivery order, exactly the rule applied to the net spend', () => {
    fc.assert(
      fc.property(history.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))), ([events, delivered]) => {
        let spend: ReferralSpend = { netFen: 0, creditedPoints: 0 };
        let credited = 0;
        const known = new Set<number>();
        const held = new Map<number, number>();
        let appliedNet = 0;
        for (const e of delivered) {
          let change: number;
          if (e.kind === 'sale') {
            known.add(e.sale);
            change = e.amount - (held.get(e.sale) ?? 0);
            held.delete(e.sale);
          } else if (known.has(e.sale)) {
            change = -e.amount;
          } else {
            held.set(e.sale, (held.get(e.sale) ?? 0) + e.amount);
            continue;
          }
          const next = applySpendChange(spend, change);
          spend = next.spend;
          credited += next.deltaPoints;
          appliedNet += change;
          // After every step, what is credited is the rule applied to what is known so far, never below 0.
          expect(credited).toBe(referralSalesPoints(appliedNet));
          expect(credited).toBeGreaterThanOrEqual(0);
        }
        const net = events.reduce((sum, e) => sum + (e.kind === 'sale' ? e.amount : -e.amount), 0);
        expect(held.size).toBe(0);
        expect(credited).toBe(referralSalesPoints(net));
        expect(spend).toEqual({ netFen: net, creditedPoints: referralSalesPoints(net) });
      }),
      { numRuns: 500 },
    );
  });

  it('credits the same whichever order the sales come in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2_000_000, max: 2_000_000 }), { maxLength: 12 }), (changes) => {
        // Any sequence whose running net stays at or above 0 (refunds never exceed what was sold).
        let running = 0;
        const valid = changes.filter((c) => (running + c >= 0 ? ((running += c), true) : false));
        let spend: ReferralSpend = { netFen: 0, creditedPoints: 0 };
        let credited = 0;
        for (const c of valid) {
          const next = applySpendChange(spend, c);
          spend = next.spend;
          credited += next.deltaPoints;
        }
        expect(credited).toBe(referralSalesPoints(running));
        expect(credited % 100).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
