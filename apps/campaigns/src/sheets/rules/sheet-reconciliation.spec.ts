import { daysToReconcile, reconciliationDue } from './sheet-reconciliation';
import { SheetMeeting, sheetRulesConfig } from './sheet-rules.config';

const config = sheetRulesConfig({ tz: 'Asia/Shanghai' });
const afternoon: SheetMeeting = { date: '2026-03-10', slot: 'AFTERNOON' };
const evening: SheetMeeting = { date: '2026-03-10', slot: 'EVENING' };
const sh = (local: string) => new Date(`${local}+08:00`);

describe('reconciliationDue (J-8)', () => {
  it.each<[SheetMeeting, string, string, boolean]>([
    [afternoon, '2026-03-03', '2026-03-03T17:59:59.999', false],
    [afternoon, '2026-03-03', '2026-03-03T18:00:00.000', true],
    [afternoon, '2026-03-03', '2026-03-09T12:00:00.000', true],
    [afternoon, '2026-03-06', '2026-03-05T23:00:00.000', false],
    [afternoon, '2026-03-09', '2026-03-09T18:00:00.000', true],
    [afternoon, '2026-03-10', '2026-03-10T09:59:59.999', false],
    [afternoon, '2026-03-10', '2026-03-10T10:00:00.000', true],
    [evening, '2026-03-10', '2026-03-10T15:59:59.999', false],
    [evening, '2026-03-10', '2026-03-10T16:00:00.000', true],
    [evening, '2026-03-10', '2026-03-10T10:00:00.000', false],
    // Outside the window there are no sheets, so nothing is ever due.
    [afternoon, '2026-03-02', '2026-03-20T00:00:00.000', false],
    [afternoon, '2026-03-11', '2026-03-20T00:00:00.000', false],
    [afternoon, 'garbage', '2026-03-20T00:00:00.000', false],
  ])('%j, day %s, at %s: %s', (meeting, day, local, expected) => {
    expect(reconciliationDue(meeting, day, sh(local), config)).toBe(expected);
  });

  it('reads the deadline in the company zone: 10:00 UTC is 18:00 in Shanghai', () => {
    expect(reconciliationDue(afternoon, '2026-03-05', new Date('2026-03-05T09:59:59.999Z'), config)).toBe(false);
    expect(reconciliationDue(afternoon, '2026-03-05', new Date('2026-03-05T10:00:00.000Z'), config)).toBe(true);
  });

  it('rejects an invalid instant', () => {
    expect(() => reconciliationDue(afternoon, '2026-03-05', new Date('x'), config)).toThrow(RangeError);
  });
});

describe('daysToReconcile (J-8)', () => {
  it.each<[SheetMeeting, string, string[]]>([
    [afternoon, '2026-03-01T12:00:00.000', []],
    [afternoon, '2026-03-03T17:59:59.999', []],
    [afternoon, '2026-03-03T18:00:00.000', ['2026-03-03']],
    [afternoon, '2026-03-05T17:59:59.999', ['2026-03-03', '2026-03-04']],
    [afternoon, '2026-03-05T18:00:00.000', ['2026-03-03', '2026-03-04', '2026-03-05']],
    [afternoon, '2026-03-10T09:59:59.999', ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']],
    [
      afternoon,
      '2026-03-10T10:00:00.000',
      ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'],
    ],
    [evening, '2026-03-10T10:00:00.000', ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']],
    [
      evening,
      '2026-04-30T00:00:00.000',
      ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'],
    ],
  ])('%j at %s: %j', (meeting, local, expected) => {
    expect(daysToReconcile(meeting, sh(local), config).map((d) => d.day)).toEqual(expected);
  });

  it('returns the days with their deadlines, all passed, oldest first (a missed sweep catches up in order)', () => {
    const now = sh('2026-03-08T07:00:00.000');
    const days = daysToReconcile(afternoon, now, config);
    expect(days.map((d) => d.day)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    for (const d of days) {
      expect(d.deadline.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(reconciliationDue(afternoon, d.day, now, config)).toBe(true);
    }
    expect(reconciliationDue(afternoon, '2026-03-08', now, config)).toBe(false);
  });
});

describe('a meeting scheduled inside its window (J-3, J-7)', () => {
  // The case a user found: scheduled two days ahead, fined for the five days before it existed.
  const late: SheetMeeting = { ...afternoon, scheduledAt: sh('2026-03-08T11:00:00.000') };

  it('reconciles no day before the meeting was scheduled', () => {
    expect(daysToReconcile(late, sh('2026-03-08T18:00:00.000'), config).map((d) => d.day)).toEqual(['2026-03-08']);
    expect(reconciliationDue(late, '2026-03-07', sh('2026-03-08T18:00:00.000'), config)).toBe(false);
    expect(reconciliationDue(late, '2026-03-08', sh('2026-03-08T18:00:00.000'), config)).toBe(true);
  });

  it('owes nothing for the day it was scheduled after 18:00', () => {
    const evening18: SheetMeeting = { ...afternoon, scheduledAt: sh('2026-03-08T18:00:00.000') };
    expect(daysToReconcile(evening18, sh('2026-03-10T10:00:00.000'), config).map((d) => d.day)).toEqual(['2026-03-09', '2026-03-10']);
  });
});
