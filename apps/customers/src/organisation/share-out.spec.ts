import fc from 'fast-check';
import { ColleagueLoad, shareOut } from './share-out';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
const counts = (shares: ReturnType<typeof shareOut>) => Object.fromEntries(shares.map((s) => [s.employeeId, s.customerIds.length]));

describe('shareOut: a deactivated employee\'s customers among active colleagues', () => {
  it('7 customers among 3 colleagues: 3/2/2, the extra to the one who owns fewest', () => {
    const colleagues = [
      { employeeId: 'b', customers: 5 },
      { employeeId: 'a', customers: 9 },
      { employeeId: 'c', customers: 1 },
    ];
    const shares = shareOut(ids('k', 7), colleagues);
    expect(counts(shares)).toEqual({ c: 3, b: 2, a: 2 });
    expect(shares.map((s) => s.employeeId)).toEqual(['c', 'b', 'a']);
  });

  it('breaks ties in load by id, and the customers go round-robin in id order', () => {
    const shares = shareOut(['z', 'y', 'x', 'w'], [
      { employeeId: 'e2', customers: 0 },
      { employeeId: 'e1', customers: 0 },
      { employeeId: 'e3', customers: 4 },
    ]);
    expect(shares).toEqual([
      { employeeId: 'e1', customerIds: ['w', 'z'] },
      { employeeId: 'e2', customerIds: ['x'] },
      { employeeId: 'e3', customerIds: ['y'] },
    ]);
  });

  it('leaves out colleagues who take nothing, and shares nothing when there is nothing to share', () => {
    expect(shareOut(['c1'], [{ employeeId: 'a', customers: 3 }, { employeeId: 'b', customers: 0 }])).toEqual([{ employeeId: 'b', customerIds: ['c1'] }]);
    expect(shareOut([], [])).toEqual([]);
    expect(shareOut([], [{ employeeId: 'a', customers: 0 }])).toEqual([]);
  });

  it('refuses customers with nobody to take them', () => {
    expect(() => shareOut(['c1'], [])).toThrow(/no colleague/);
  });

  it('is even, whole and deterministic for any customers and loads', () => {
    const customers = fc.uniqueArray(fc.uuid(), { maxLength: 60 });
    const colleagues = fc.uniqueArray(fc.record({ employeeId: fc.uuid(), customers: fc.nat(50) }), { minLength: 1, maxLength: 12, selector: (c) => c.employeeId });
    fc.assert(
      fc.property(customers, colleagues, (cs, col: ColleagueLoad[]) => {
        const shares = shareOut(cs, col);
        const given = shares.flatMap((s) => s.customerIds);
        expect([...given].sort()).toEqual([...cs].sort());
        const sizes = col.map((c) => shares.find((s) => s.employeeId === c.employeeId)?.customerIds.length ?? 0);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        // Whoever takes the extra owns no more than anyone who does not.
        const floor = Math.floor(cs.length / col.length);
        const extra = col.filter((_, i) => sizes[i] > floor).map((c) => c.customers);
        const rest = col.filter((_, i) => sizes[i] === floor).map((c) => c.customers);
        if (extra.length && rest.length) expect(Math.max(...extra)).toBeLessThanOrEqual(Math.min(...rest));
        expect(shareOut([...cs].reverse(), [...col].reverse())).toEqual(shares);
      }),
    );
  });
});
