import fc from 'fast-check';
import { ClaimLossReason, compareClaims, SheetClaim, settleClaims } from './claim-precedence';
import { SheetMeeting, sheetRulesConfig } from './sheet-rules.config';
import { classifySubmission } from './sheet-submission';

const config = sheetRulesConfig({ tz: 'Asia/Shanghai' });
const meeting: SheetMeeting = { date: '2026-03-10', slot: 'AFTERNOON' };
const sh = (local: string) => new Date(`${local}+08:00`);

function claim(sheetId: string, departmentId: string, effectiveDay: string, late: boolean, local: string): SheetClaim {
  return { sheetId, departmentId, effectiveDay, late, submittedAt: sh(local) };
}

/** A claim from a sheet handed in at `local`, classified by the J-3 rules. */
/** `_onTimeDays`: the department's earlier on-time sheets; since supplementary sheets (J-3) they change nothing. */
function submitted(sheetId: string, departmentId: string, local: string, _onTimeDays: string[] = []): SheetClaim {
  const v = classifySubmission({ submittedAt: sh(local), meeting }, config);
  if (v.kind !== 'ACCEPTED') throw new Error(`not accepted: ${v.kind}`);
  return { sheetId, departmentId, effectiveDay: v.effectiveDay, late: v.late, submittedAt: sh(local) };
}

const ids = (s: { winner: SheetClaim; losers: { claim: SheetClaim; reason: ClaimLossReason }[] }) => ({
  winner: s.winner.sheetId,
  losers: s.losers.map((l) => [l.claim.sheetId, l.reason]),
});

describe('compareClaims (J-4)', () => {
  it.each<[string, SheetClaim, SheetClaim]>([
    [
      'earlier effective day wins, even late and against an on-time sheet',
      claim('s9', 'A', '2026-03-05', true, '2026-03-04T19:00'),
      claim('s1', 'B', '2026-03-06', false, '2026-03-04T08:00'),
    ],
    [
      'same effective day: on-time beats late, even when submitted later',
      claim('s9', 'B', '2026-03-06', false, '2026-03-06T11:00'),
      claim('s1', 'A', '2026-03-06', true, '2026-03-05T19:00'),
    ],
    [
      'same day, both on time: earlier submission',
      claim('s9', 'A', '2026-03-06', false, '2026-03-06T09:00'),
      claim('s1', 'B', '2026-03-06', false, '2026-03-06T09:01'),
    ],
    [
      'same day, both late: earlier submission',
      claim('s9', 'A', '2026-03-06', true, '2026-03-05T18:00'),
      claim('s1', 'B', '2026-03-06', true, '2026-03-05T18:00:00.001'),
    ],
    [
      'all equal but the sheet id: smaller id',
      claim('s1', 'A', '2026-03-06', false, '2026-03-06T09:00'),
      claim('s2', 'B', '2026-03-06', false, '2026-03-06T09:00'),
    ],
    [
      'sheet ids compare by code unit, not locale ("Z" < "a")',
      claim('Z', 'A', '2026-03-06', false, '2026-03-06T09:00'),
      claim('a', 'B', '2026-03-06', false, '2026-03-06T09:00'),
    ],
  ])('%s', (_label, first, second) => {
    expect(compareClaims(first, second)).toBeLessThan(0);
    expect(compareClaims(second, first)).toBeGreaterThan(0);
  });

  it('is 0 only for the same sheet', () => {
    const a = claim('s1', 'A', '2026-03-06', false, '2026-03-06T09:00');
    expect(compareClaims(a, { ...a })).toBe(0);
  });
});

describe('settleClaims (J-4, J-5)', () => {
  it('a late sheet for D loses to an on-time sheet handed in on D+1 (same effective day)', () => {
    const lateA = submitted('a', 'A', '2026-03-05T19:00'); // late for 03-05, effective 03-06
    const onTimeB = submitted('b', 'B', '2026-03-06T11:00'); // on time for 03-06
    expect([lateA.effectiveDay, lateA.late, onTimeB.effectiveDay, onTimeB.late]).toEqual(['2026-03-06', true, '2026-03-06', false]);
    expect(ids(settleClaims([lateA, onTimeB]))).toEqual({ winner: 'b', losers: [['a', 'ON_TIME_BEATS_LATE']] });
    expect(ids(settleClaims([onTimeB], lateA))).toEqual({ winner: 'b', losers: [['a', 'ON_TIME_BEATS_LATE']] });
  });

  it('J-5: a department that submits late loses the customer to one that confirms and submits on time', () => {
    const lateA = submitted('a', 'A', '2026-03-07T20:00');
    const onTimeB = submitted('b', 'B', '2026-03-08T09:00');
    expect(settleClaims([lateA, onTimeB], onTimeB).winner.departmentId).toBe('B');
  });

  it('a supplementary sheet after the cutoff (J-3) is late for D+1 even after an on-time sheet: an on-time sheet of D+1 beats it', () => {
    const supplementA = submitted('a', 'A', '2026-03-05T18:30', ['2026-03-05']); // a late supplement of 03-05, effective 03-06
    const onTimeB = submitted('b', 'B', '2026-03-06T08:00');
    expect(supplementA).toMatchObject({ effectiveDay: '2026-03-06', late: true });
    expect(ids(settleClaims([onTimeB, supplementA]))).toEqual({ winner: 'b', losers: [['a', 'ON_TIME_BEATS_LATE']] });
  });

  it.each<[string, SheetClaim[], string, [string, ClaimLossReason][]]>([
    ['a single claim wins alone', [claim('a', 'A', '2026-03-06', true, '2026-03-05T19:00')], 'a', []],
    [
      'earlier effective day',
      [claim('b', 'B', '2026-03-06', false, '2026-03-06T09:00'), claim('a', 'A', '2026-03-05', true, '2026-03-04T19:00')],
      'a',
      [['b', 'EARLIER_EFFECTIVE_DAY']],
    ],
    [
      'same instant: tie broken by sheet id, and said so',
      [claim('s2', 'B', '2026-03-06', false, '2026-03-06T09:00'), claim('s1', 'A', '2026-03-06', false, '2026-03-06T09:00')],
      's1',
      [['s2', 'SHEET_ID_TIE_BREAK']],
    ],
    [
      'every loser gets its reason against the winner, in precedence order',
      [
        claim('d', 'D', '2026-03-07', false, '2026-03-07T08:00'),
        claim('c', 'C', '2026-03-06', true, '2026-03-05T18:05'),
        claim('b', 'B', '2026-03-06', false, '2026-03-06T12:00'),
        claim('a', 'A', '2026-03-06', false, '2026-03-06T09:00'),
      ],
      'a',
      [
        ['b', 'EARLIER_SUBMISSION'],
        ['c', 'ON_TIME_BEATS_LATE'],
        ['d', 'EARLIER_EFFECTIVE_DAY'],
      ],
    ],
  ])('without a lock: %s', (_label, claims, winner, losers) => {
    expect(ids(settleClaims(claims))).toEqual({ winner, losers });
  });

  describe('with an existing lock', () => {
    const lock = claim('L', 'B', '2026-03-06', false, '2026-03-06T09:00');

    it.each<[string, SheetClaim[], string, [string, ClaimLossReason][]]>([
      ['the lock alone', [], 'L', []],
      ['the lock also among the claims is not counted twice', [{ ...lock }], 'L', []],
      ['a later on-time sheet the same day', [claim('x', 'A', '2026-03-06', false, '2026-03-06T10:00')], 'L', [['x', 'LOCKED_EARLIER']]],
      ['an on-time sheet at the very same instant', [claim('A0', 'A', '2026-03-06', false, '2026-03-06T09:00')], 'L', [['A0', 'LOCKED_EARLIER']]],
      ['a later late sheet', [claim('x', 'A', '2026-03-07', true, '2026-03-06T19:00')], 'L', [['x', 'LOCKED_EARLIER']]],
      [
        'a late sheet handed in before the lock, same effective day: precedence says why',
        [claim('x', 'A', '2026-03-06', true, '2026-03-05T19:00')],
        'L',
        [['x', 'ON_TIME_BEATS_LATE']],
      ],
      [
        'a sheet handed in after the lock never takes it, even if it would rank ahead (inconsistent data)',
        [claim('x', 'A', '2026-03-05', false, '2026-03-06T09:30')],
        'L',
        [['x', 'LOCKED_EARLIER']],
      ],
      [
        'a late sheet with an earlier effective day, handed in before the lock (its reconciliation was missed)',
        [claim('x', 'A', '2026-03-05', true, '2026-03-04T19:00'), claim('y', 'C', '2026-03-06', false, '2026-03-06T10:00')],
        'x',
        [
          ['L', 'EARLIER_EFFECTIVE_DAY'],
          ['y', 'EARLIER_EFFECTIVE_DAY'],
        ],
      ],
    ])('%s', (_label, claims, winner, losers) => {
      expect(ids(settleClaims(claims, lock))).toEqual({ winner, losers });
    });

    it('a late holder (it won its reconciliation) is protected by precedence only', () => {
      const lateHolder = claim('L', 'B', '2026-03-06', true, '2026-03-05T19:00');
      const onTime = claim('x', 'A', '2026-03-06', false, '2026-03-06T09:00');
      expect(ids(settleClaims([onTime], lateHolder))).toEqual({ winner: 'x', losers: [['L', 'ON_TIME_BEATS_LATE']] });
      const nextDay = claim('y', 'A', '2026-03-07', false, '2026-03-07T09:00');
      expect(ids(settleClaims([nextDay], lateHolder))).toEqual({ winner: 'L', losers: [['y', 'EARLIER_EFFECTIVE_DAY']] });
    });
  });

  it('keeps the caller’s extra fields', () => {
    const claims = [{ ...claim('a', 'A', '2026-03-06', false, '2026-03-06T09:00'), invitationId: 'inv-1' }];
    expect(settleClaims(claims).winner.invitationId).toBe('inv-1');
  });

  it.each<[string, SheetClaim[], SheetClaim | undefined]>([
    ['nothing to settle', [], undefined],
    [
      'two different claims with one sheet id',
      [claim('a', 'A', '2026-03-06', false, '2026-03-06T09:00'), claim('a', 'B', '2026-03-06', false, '2026-03-06T09:00')],
      undefined,
    ],
    ['a lock that differs from its copy among the claims', [claim('a', 'A', '2026-03-06', true, '2026-03-05T19:00')], claim('a', 'A', '2026-03-06', false, '2026-03-05T19:00')],
    ['a malformed effective day', [claim('a', 'A', '2026-3-6', false, '2026-03-06T09:00')], undefined],
    ['an invalid instant', [{ ...claim('a', 'A', '2026-03-06', false, '2026-03-06T09:00'), submittedAt: new Date('x') }], undefined],
    ['an empty sheet id', [claim('', 'A', '2026-03-06', false, '2026-03-06T09:00')], undefined],
  ])('rejects %s', (_label, claims, lock) => {
    expect(() => settleClaims(claims, lock)).toThrow(RangeError);
  });
});

describe('precedence is a total order (property)', () => {
  const base = Date.parse('2026-03-03T00:00:00+08:00');
  const days = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
  // Few days, few departments and coarse instants, so that ties on every criterion are common.
  const claimArb = (sheetId: string) =>
    fc.record({
      sheetId: fc.constant(sheetId),
      departmentId: fc.constantFrom('A', 'B', 'C'),
      effectiveDay: fc.constantFrom(...days),
      late: fc.boolean(),
      submittedAt: fc.integer({ min: 0, max: 20 }).map((m) => new Date(base + m * 3_600_000)),
    });
  const claimsArb = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 })
    .chain((sheetIds) => fc.tuple(...sheetIds.map(claimArb)));
  const claimsAndShuffle = claimsArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length })));
  const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

  it('is antisymmetric and 0 only for the same sheet', () => {
    fc.assert(
      fc.property(claimsArb, (cs) => {
        for (const a of cs) for (const b of cs) {
          expect(sign(compareClaims(a, b)) + sign(compareClaims(b, a))).toBe(0);
          expect(compareClaims(a, b) === 0).toBe(a.sheetId === b.sheetId);
        }
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(claimsArb, (cs) => {
        for (const a of cs) for (const b of cs) for (const c of cs) {
          if (compareClaims(a, b) < 0 && compareClaims(b, c) < 0) expect(compareClaims(a, c)).toBeLessThan(0);
        }
      }),
    );
  });

  it('sorts to the same sequence whatever the input order', () => {
    fc.assert(
      fc.property(claimsAndShuffle, ([cs, shuffled]) => {
        const once = [...cs].sort(compareClaims).map((c) => c.sheetId);
        expect([...shuffled].sort(compareClaims).map((c) => c.sheetId)).toEqual(once);
        expect([...once].reverse()).toEqual([...cs].sort((a, b) => compareClaims(b, a)).map((c) => c.sheetId));
      }),
    );
  });

  it('settles to the same winner and losers whatever the input order, the winner ranking first', () => {
    fc.assert(
      fc.property(claimsAndShuffle, ([cs, shuffled]) => {
        const a = settleClaims(cs);
        const b = settleClaims(shuffled);
        expect(ids(b)).toEqual(ids(a));
        expect(a.winner.sheetId).toBe([...cs].sort(compareClaims)[0].sheetId);
        expect(a.losers).toHaveLength(cs.length - 1);
        for (const l of a.losers) {
          expect(compareClaims(a.winner, l.claim)).toBeLessThan(0);
          expect(l.reason).not.toBe('LOCKED_EARLIER');
        }
      }),
    );
  });

  it('with an on-time lock: same result in any order, and only a sheet handed in before the lock can beat it', () => {
    fc.assert(
      fc.property(claimsAndShuffle, fc.nat(), ([cs, shuffled], pick) => {
        const lock = { ...cs[pick % cs.length], late: false };
        const others = cs.filter((c) => c.sheetId !== lock.sheetId);
        const a = settleClaims(others, lock);
        const b = settleClaims(shuffled.filter((c) => c.sheetId !== lock.sheetId), lock);
        expect(ids(b)).toEqual(ids(a));
        if (a.winner.sheetId !== lock.sheetId) {
          expect(a.winner.submittedAt.getTime()).toBeLessThan(lock.submittedAt.getTime());
          expect(compareClaims(a.winner, lock)).toBeLessThan(0);
        }
        for (const l of a.losers) {
          if (l.claim.sheetId !== lock.sheetId && l.claim.submittedAt.getTime() >= lock.submittedAt.getTime() && a.winner === lock) {
            expect(l.reason).toBe('LOCKED_EARLIER');
          }
        }
      }),
    );
  });
});
