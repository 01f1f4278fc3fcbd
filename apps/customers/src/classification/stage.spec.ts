import fc from 'fast-check';
import {
  CustomerStage,
  classifyStage,
  DAY_MS,
  DEFAULT_STAGE_WINDOWS,
  StageCause,
  StageFacts,
  stageChange,
} from './stage';

const NOW = new Date('2026-03-01T10:00:00.000Z');
/** The instant `days` days and `ms` milliseconds before NOW (negative values are in the future). */
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY_MS - ms);

const facts = (over: Partial<StageFacts> = {}): StageFacts => ({
  now: NOW,
  openComplaints: 0,
  lastComplaintResolvedAt: null,
  purchases: [],
  lastAttendedAt: null,
  ...over,
});

describe('S-1 stage: one case per branch', () => {
  it.each<[string, Partial<StageFacts>, CustomerStage, StageCause]>([
    ['never bought anything', {}, 'POTENTIAL', 'NO_PURCHASE'],
    ['never bought, attended a meeting yesterday', { lastAttendedAt: ago(1) }, 'POTENTIAL', 'NO_PURCHASE'],
    ['one open complaint', { openComplaints: 1 }, 'PROBLEM', 'OPEN_COMPLAINT'],
    ['two open complaints', { openComplaints: 2 }, 'PROBLEM', 'OPEN_COMPLAINT'],
    [
      'complaint resolved 10 days ago',
      { lastComplaintResolvedAt: ago(10) },
      'PROBLEM',
      'COMPLAINT_RECENTLY_RESOLVED',
    ],
    ['complaint resolved a year ago', { lastComplaintResolvedAt: ago(365) }, 'POTENTIAL', 'NO_PURCHASE'],
    ['bought once 2 years ago, never attended', { purchases: [ago(730)] }, 'CHURNED', 'LAPSED'],
    [
      'bought often 2 years ago, attended 200 days ago',
      { purchases: [ago(730), ago(720), ago(710)], lastAttendedAt: ago(200) },
      'CHURNED',
      'LAPSED',
    ],
    [
      'bought 2 years ago, attended last month',
      { purchases: [ago(730)], lastAttendedAt: ago(30) },
      'POTENTIAL',
      'ATTENDED_RECENTLY',
    ],
    ['3 purchases this year', { purchases: [ago(300), ago(200), ago(100)] }, 'LOYAL', 'FREQUENT_BUYER'],
    [
      '5 purchases this year',
      { purchases: [ago(1), ago(2), ago(3), ago(4), ago(5)] },
      'LOYAL',
      'FREQUENT_BUYER',
    ],
    [
      '3 purchases within 90 days (LOYAL is checked before NEW)',
      { purchases: [ago(1), ago(2), ago(3)] },
      'LOYAL',
      'FREQUENT_BUYER',
    ],
    ['first purchase last week', { purchases: [ago(7)] }, 'NEW', 'RECENT_FIRST_PURCHASE'],
    ['first two purchases within 90 days', { purchases: [ago(80), ago(7)] }, 'NEW', 'RECENT_FIRST_PURCHASE'],
    ['one purchase 200 days ago', { purchases: [ago(200)] }, 'POTENTIAL', 'OCCASIONAL_BUYER'],
    [
      'two purchases this year, first 200 days ago',
      { purchases: [ago(200), ago(10)] },
      'POTENTIAL',
      'OCCASIONAL_BUYER',
    ],
    [
      'old purchases plus 2 this year',
      { purchases: [ago(900), ago(800), ago(100), ago(50)] },
      'POTENTIAL',
      'OCCASIONAL_BUYER',
    ],
    [
      'old purchases plus 3 this year',
      { purchases: [ago(900), ago(100), ago(50), ago(10)] },
      'LOYAL',
      'FREQUENT_BUYER',
    ],
    [
      'bought long ago and again yesterday: first purchase is long ago, so not NEW',
      { purchases: [ago(800), ago(1)] },
      'POTENTIAL',
      'OCCASIONAL_BUYER',
    ],
  ])('S-1 %s → %s (%s)', (_label, over, stage, cause) => {
    expect(classifyStage(facts(over))).toMatchObject({ stage, cause });
  });
});

describe('S-1 stage: precedence PROBLEM > CHURNED > LOYAL > NEW > POTENTIAL', () => {
  it.each<[string, Partial<StageFacts>, CustomerStage]>([
    ['open complaint beats LOYAL', { openComplaints: 1, purchases: [ago(1), ago(2), ago(3)] }, 'PROBLEM'],
    ['open complaint beats CHURNED', { openComplaints: 1, purchases: [ago(800)] }, 'PROBLEM'],
    ['open complaint beats NEW', { openComplaints: 1, purchases: [ago(1)] }, 'PROBLEM'],
    [
      'recently resolved complaint beats LOYAL',
      { lastComplaintResolvedAt: ago(29), purchases: [ago(1), ago(2), ago(3)] },
      'PROBLEM',
    ],
    [
      'recently resolved complaint beats CHURNED',
      { lastComplaintResolvedAt: ago(1), purchases: [ago(800)] },
      'PROBLEM',
    ],
    [
      'old complaint does not stop LOYAL',
      { lastComplaintResolvedAt: ago(31), purchases: [ago(1), ago(2), ago(3)] },
      'LOYAL',
    ],
    ['old complaint does not stop NEW', { lastComplaintResolvedAt: ago(31), purchases: [ago(1)] }, 'NEW'],
  ])('S-1 %s', (_label, over, stage) => {
    expect(classifyStage(facts(over)).stage).toBe(stage);
  });
});

/*
 * Boundaries: "within the last N days" is the closed window [now − N days, now]. Each row gives an instant
 * exactly on the boundary (inside) and one millisecond older (outside), with the stage on each side.
 */
describe('S-1 stage: both sides of every boundary, to the millisecond', () => {
  type Row = [string, (t: Date) => Partial<StageFacts>, number, CustomerStage, CustomerStage];
  it.each<Row>([
    [
      'S-1 PROBLEM: complaint resolved 30 days ago',
      (t) => ({ lastComplaintResolvedAt: t }),
      30,
      'PROBLEM',
      'POTENTIAL',
    ],
    [
      'S-1 PROBLEM: complaint resolved 30 days ago, customer otherwise LOYAL',
      (t) => ({ lastComplaintResolvedAt: t, purchases: [ago(1), ago(2), ago(3)] }),
      30,
      'PROBLEM',
      'LOYAL',
    ],
    [
      'S-1 CHURNED: last purchase 365 days ago, never attended',
      (t) => ({ purchases: [t] }),
      365,
      'POTENTIAL',
      'CHURNED',
    ],
    [
      'S-1 CHURNED: last of three purchases 365 days ago',
      (t) => ({ purchases: [ago(500), ago(400), t] }),
      365,
      'POTENTIAL',
      'CHURNED',
    ],
    [
      'S-1 CHURNED: attended 180 days ago, last purchase 400 days ago',
      (t) => ({ purchases: [ago(400)], lastAttendedAt: t }),
      180,
      'POTENTIAL',
      'CHURNED',
    ],
    [
      'S-1 LOYAL: oldest of 3 purchases 365 days ago',
      (t) => ({ purchases: [t, ago(100), ago(50)] }),
      365,
      'LOYAL',
      'POTENTIAL',
    ],
    [
      'S-1 LOYAL: oldest of 3 purchases 365 days ago, attended recently',
      (t) => ({ purchases: [t, ago(100), ago(50)], lastAttendedAt: ago(1) }),
      365,
      'LOYAL',
      'POTENTIAL',
    ],
    ['S-1 NEW: first purchase 90 days ago', (t) => ({ purchases: [t] }), 90, 'NEW', 'POTENTIAL'],
    [
      'S-1 NEW: first of two purchases 90 days ago',
      (t) => ({ purchases: [t, ago(1)] }),
      90,
      'NEW',
      'POTENTIAL',
    ],
  ])('%s: exactly on the boundary vs 1 ms older', (_label, build, days, onBoundary, oneMsOlder) => {
    expect(classifyStage(facts(build(ago(days)))).stage).toBe(onBoundary);
    expect(classifyStage(facts(build(ago(days, 1)))).stage).toBe(oneMsOlder);
    // One millisecond younger than the boundary is inside too.
    expect(classifyStage(facts(build(ago(days, -1)))).stage).toBe(onBoundary);
  });

  it.each([['2026-01-01T00:00:00.000Z'], ['2026-06-30T15:59:59.999Z'], ['2028-02-29T16:00:00.000Z']])(
    'S-1 the boundary is elapsed time, whatever the instant (now = %s)',
    (iso) => {
      const now = new Date(iso);
      const before = (days: number, ms = 0) => new Date(now.getTime() - days * DAY_MS - ms);
      expect(classifyStage(facts({ now, purchases: [before(90)] })).stage).toBe('NEW');
      expect(classifyStage(facts({ now, purchases: [before(90, 1)] })).stage).toBe('POTENTIAL');
      expect(classifyStage(facts({ now, lastComplaintResolvedAt: before(30) })).stage).toBe('PROBLEM');
      expect(classifyStage(facts({ now, lastComplaintResolvedAt: before(30, 1) })).stage).toBe('POTENTIAL');
    },
  );
});

describe('S-1 stage: facts after now count as now (clock skew between services)', () => {
  it.each<[string, Partial<StageFacts>, CustomerStage]>([
    ['a purchase 5 ms in the future makes a NEW customer', { purchases: [ago(0, -5)] }, 'NEW'],
    [
      'a complaint resolved 1 s in the future is recent',
      { lastComplaintResolvedAt: ago(0, -1000) },
      'PROBLEM',
    ],
    [
      'an attendance in the future keeps a lapsed buyer from CHURNED',
      { purchases: [ago(800)], lastAttendedAt: ago(-1) },
      'POTENTIAL',
    ],
    ['purchases in the future count towards LOYAL', { purchases: [ago(-1), ago(-2), ago(1)] }, 'LOYAL'],
  ])('S-1 %s', (_label, over, stage) => {
    expect(classifyStage(facts(over)).stage).toBe(stage);
  });
});

describe('S-1 / S-3 reason text for the lifecycle history', () => {
  it.each<[Partial<StageFacts>, RegExp]>([
    [{ openComplaints: 2 }, /^S-1 PROBLEM: 2 unresolved complaints$/],
    [{ openComplaints: 1 }, /^S-1 PROBLEM: 1 unresolved complaint$/],
    [
      { lastComplaintResolvedAt: ago(12) },
      /^S-1 PROBLEM: a complaint was resolved 12 days ago \(2026-02-17T10:00:00\.000Z\), within 30 days$/,
    ],
    [
      { purchases: [ago(400)] },
      /^S-1 CHURNED: last purchase 400 days ago .*none within 365 days, and never attended a meeting, none within 180 days$/,
    ],
    [
      { purchases: [ago(400)], lastAttendedAt: ago(181) },
      /^S-1 CHURNED: .*last attended a meeting 181 days ago/,
    ],
    [
      { purchases: [ago(400)], lastAttendedAt: ago(20) },
      /^S-1 POTENTIAL: no purchase within 365 days, but attended a meeting 20 days ago/,
    ],
    [
      { purchases: [ago(1), ago(2), ago(3), ago(4)] },
      /^S-1 LOYAL: 4 purchases within 365 days \(at least 3\)$/,
    ],
    [
      { purchases: [ago(1)] },
      /^S-1 NEW: first purchase 1 day ago \(2026-02-28T10:00:00\.000Z\), within 90 days$/,
    ],
    [
      { purchases: [ago(100)] },
      /^S-1 POTENTIAL: 1 purchase within 365 days \(fewer than 3\), first purchase 100 days ago, not within 90 days$/,
    ],
    [{}, /^S-1 POTENTIAL: no purchase yet$/],
  ])('S-3 reason for %j matches %s', (over, pattern) => {
    expect(classifyStage(facts(over)).reason).toMatch(pattern);
  });

  it('S-3 the decision is dated at now', () => {
    expect(classifyStage(facts()).at.toISOString()).toBe(NOW.toISOString());
  });

  it.each<[CustomerStage | null, Partial<StageFacts>, boolean]>([
    [null, {}, true],
    ['POTENTIAL', {}, false],
    ['POTENTIAL', { purchases: [ago(1)] }, true],
    ['NEW', { purchases: [ago(1)] }, false],
    ['LOYAL', { openComplaints: 1 }, true],
    ['PROBLEM', { openComplaints: 1 }, false],
    ['PROBLEM', { lastComplaintResolvedAt: ago(31), purchases: [ago(1), ago(2), ago(3)] }, true],
  ])('S-3 from %s with %j records a change: %s', (previous, over, changed) => {
    const decision = classifyStage(facts(over));
    const change = stageChange(previous, decision);
    if (!changed) {
      expect(change).toBeNull();
      return;
    }
    expect(change).toEqual({
      from: previous,
      to: decision.stage,
      at: NOW,
      cause: decision.cause,
      reason: decision.reason,
    });
  });
});

describe('S-1 windows are configurable in one place', () => {
  it('S-1 defaults are the domain numbers', () => {
    expect(DEFAULT_STAGE_WINDOWS).toEqual({
      problemDays: 30,
      churnPurchaseDays: 365,
      churnAttendanceDays: 180,
      loyalWindowDays: 365,
      loyalMinPurchases: 3,
      newDays: 90,
    });
  });

  it('S-1 other windows move the boundaries', () => {
    const windows = { ...DEFAULT_STAGE_WINDOWS, newDays: 30, loyalMinPurchases: 2 };
    expect(classifyStage(facts({ purchases: [ago(31)] }), windows).stage).toBe('POTENTIAL');
    expect(classifyStage(facts({ purchases: [ago(30)] }), windows).stage).toBe('NEW');
    expect(classifyStage(facts({ purchases: [ago(31), ago(1)] }), windows).stage).toBe('LOYAL');
  });
});

describe('S-1 bad facts are programming errors', () => {
  it.each<[string, Partial<StageFacts>]>([
    ['invalid now', { now: new Date(Number.NaN) }],
    ['negative open complaints', { openComplaints: -1 }],
    ['fractional open complaints', { openComplaints: 0.5 }],
    ['invalid purchase date', { purchases: [new Date('nope')] }],
    ['invalid resolution date', { lastComplaintResolvedAt: new Date(Number.NaN) }],
    ['invalid attendance date', { lastAttendedAt: new Date(Number.NaN) }],
  ])('%s throws RangeError', (_label, over) => {
    expect(() => classifyStage(facts(over))).toThrow(RangeError);
  });
});

describe('S-1 properties', () => {
  const offset = fc.integer({ min: -2 * DAY_MS, max: 1000 * DAY_MS });
  const arbFacts = fc.record({
    openComplaints: fc.nat({ max: 3 }),
    resolved: fc.option(offset, { nil: null }),
    purchases: fc.array(offset, { maxLength: 8 }),
    attended: fc.option(offset, { nil: null }),
  });
  const build = (
    now: Date,
    f: { openComplaints: number; resolved: number | null; purchases: number[]; attended: number | null },
  ): StageFacts => ({
    now,
    openComplaints: f.openComplaints,
    lastComplaintResolvedAt: f.resolved === null ? null : new Date(now.getTime() - f.resolved),
    purchases: f.purchases.map((o) => new Date(now.getTime() - o)),
    lastAttendedAt: f.attended === null ? null : new Date(now.getTime() - f.attended),
  });

  it('S-1 the order of purchases does not matter', () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const a = classifyStage(build(NOW, f));
        const b = classifyStage(build(NOW, { ...f, purchases: [...f.purchases].reverse() }));
        expect(b).toEqual(a);
      }),
    );
  });

  it('S-1 only elapsed time matters: moving now and every fact together keeps the stage', () => {
    fc.assert(
      fc.property(arbFacts, fc.integer({ min: -5000 * DAY_MS, max: 5000 * DAY_MS }), (f, shift) => {
        const a = classifyStage(build(NOW, f));
        const b = classifyStage(build(new Date(NOW.getTime() + shift), f));
        expect([b.stage, b.cause]).toEqual([a.stage, a.cause]);
      }),
    );
  });

  it('S-1 matches the rule read literally in whole days', () => {
    // An independent reading of docs/rules.md S-1, with ages in ms (future clamped to 0).
    fc.assert(
      fc.property(arbFacts, (f) => {
        const age = (o: number) => Math.max(o, 0);
        const inLast = (o: number, days: number) => age(o) <= days * DAY_MS;
        const purchases = f.purchases.map(age);
        let expected: CustomerStage;
        if (f.openComplaints > 0 || (f.resolved !== null && inLast(f.resolved, 30))) expected = 'PROBLEM';
        else if (
          purchases.length > 0 &&
          !purchases.some((p) => inLast(p, 365)) &&
          !(f.attended !== null && inLast(f.attended, 180))
        )
          expected = 'CHURNED';
        else if (purchases.filter((p) => inLast(p, 365)).length >= 3) expected = 'LOYAL';
        else if (purchases.length > 0 && inLast(Math.max(...purchases), 90)) expected = 'NEW';
        else expected = 'POTENTIAL';
        expect(classifyStage(build(NOW, f)).stage).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('S-1 an open complaint always means PROBLEM', () => {
    fc.assert(
      fc.property(arbFacts, fc.integer({ min: 1, max: 10 }), (f, open) => {
        expect(classifyStage(build(NOW, { ...f, openComplaints: open })).stage).toBe('PROBLEM');
      }),
    );
  });
});
