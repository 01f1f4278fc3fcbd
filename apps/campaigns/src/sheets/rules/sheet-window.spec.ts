import { SheetMeeting, sheetRulesConfig } from './sheet-rules.config';
import { firstSheetDay, isObligationDay, isSheetDay, meetingDayDeadline, sheetDays, sheetDeadline, windowOpensAt } from './sheet-window';

const TZ = 'Asia/Shanghai';
const config = sheetRulesConfig({ tz: TZ });
const afternoon: SheetMeeting = { date: '2026-03-10', slot: 'AFTERNOON' };
const evening: SheetMeeting = { date: '2026-03-10', slot: 'EVENING' };

const iso = (d: Date) => d.toISOString();

describe('sheetDays (J-3, J-6)', () => {
  it('lists M-7 … M with 18:00 cutoffs and the 10:00 deadline on the day of an afternoon meeting', () => {
    expect(sheetDays(afternoon, config).map((d) => [d.day, iso(d.deadline), d.meetingDay])).toEqual([
      ['2026-03-03', '2026-03-03T10:00:00.000Z', false],
      ['2026-03-04', '2026-03-04T10:00:00.000Z', false],
      ['2026-03-05', '2026-03-05T10:00:00.000Z', false],
      ['2026-03-06', '2026-03-06T10:00:00.000Z', false],
      ['2026-03-07', '2026-03-07T10:00:00.000Z', false],
      ['2026-03-08', '2026-03-08T10:00:00.000Z', false],
      ['2026-03-09', '2026-03-09T10:00:00.000Z', false],
      ['2026-03-10', '2026-03-10T02:00:00.000Z', true],
    ]);
  });

  it('ends with the 16:00 deadline for an evening meeting', () => {
    const days = sheetDays(evening, config);
    expect(days).toHaveLength(8);
    expect(days[7]).toEqual({ day: '2026-03-10', deadline: new Date('2026-03-10T08:00:00.000Z'), meetingDay: true });
    expect(iso(days[6].deadline)).toBe('2026-03-09T10:00:00.000Z');
  });

  it('follows a configured window and cutoff', () => {
    const short = sheetRulesConfig({ tz: TZ, windowDays: 2, dailyCutoff: '17:30', afternoonDeadline: '11:15' });
    expect(sheetDays(afternoon, short).map((d) => [d.day, iso(d.deadline)])).toEqual([
      ['2026-03-08', '2026-03-08T09:30:00.000Z'],
      ['2026-03-09', '2026-03-09T09:30:00.000Z'],
      ['2026-03-10', '2026-03-10T03:15:00.000Z'],
    ]);
  });

  it.each([
    ['2026-03-02', '2026-02-23'],
    ['2026-01-03', '2025-12-27'],
    ['2028-03-05', '2028-02-27'],
  ])('crosses month and year ends: a meeting on %s opens the window on %s', (date, first) => {
    const days = sheetDays({ date, slot: 'AFTERNOON' }, config);
    expect(days[0].day).toBe(first);
    expect(days[7].day).toBe(date);
    expect(new Set(days.map((d) => d.day)).size).toBe(8);
  });

  it('keeps 18:00 on the wall clock across a daylight-saving change (America/New_York, 2026-03-08)', () => {
    const ny = sheetRulesConfig({ tz: 'America/New_York' });
    const deadlines = sheetDays(afternoon, ny).map((d) => iso(d.deadline));
    expect(deadlines[3]).toBe('2026-03-06T23:00:00.000Z'); // EST, UTC-5
    expect(deadlines[6]).toBe('2026-03-09T22:00:00.000Z'); // EDT, UTC-4
    expect(deadlines[7]).toBe('2026-03-10T14:00:00.000Z'); // 10:00 EDT
  });

  it('rejects a malformed meeting', () => {
    expect(() => sheetDays({ date: '2026-02-30', slot: 'AFTERNOON' }, config)).toThrow(RangeError);
  });
});

describe('window edges', () => {
  it('opens at 00:00 of M-7 in the company zone', () => {
    expect(firstSheetDay(afternoon, config)).toBe('2026-03-03');
    expect(iso(windowOpensAt(afternoon, config))).toBe('2026-03-02T16:00:00.000Z');
  });

  it.each([
    [afternoon, '2026-03-10T02:00:00.000Z'],
    [evening, '2026-03-10T08:00:00.000Z'],
  ])('meeting-day deadline of %j is %s', (meeting, expected) => {
    expect(iso(meetingDayDeadline(meeting, config))).toBe(expected);
  });

  it.each([
    ['2026-03-02', false],
    ['2026-03-03', true],
    ['2026-03-06', true],
    ['2026-03-10', true],
    ['2026-03-11', false],
    ['2026-13-01', false],
    ['not a date', false],
  ])('isSheetDay(%s) is %s', (day, expected) => {
    expect(isSheetDay(afternoon, day, config)).toBe(expected);
  });

  it.each([['2026-03-02'], ['2026-03-11']])('has no deadline on %s (outside the window)', (day) => {
    expect(() => sheetDeadline(afternoon, day, config)).toThrow(RangeError);
  });
});

describe('obligation days never start before the meeting exists (J-3, J-7)', () => {
  const scheduled = (local: string, slot: SheetMeeting['slot'] = 'AFTERNOON'): SheetMeeting => ({ date: '2026-03-10', slot, scheduledAt: new Date(`${local}+08:00`) });
  const days = (meeting: SheetMeeting) => sheetDays(meeting, config).map((d) => d.day);

  it.each<[string, string, string[]]>([
    ['before the window: the whole window', '2026-03-01T09:00:00.000', ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']],
    ['two days ahead at 09:00: from that day', '2026-03-08T09:00:00.000', ['2026-03-08', '2026-03-09', '2026-03-10']],
    ['two days ahead at 17:59:59.999: that day still owes a sheet', '2026-03-08T17:59:59.999', ['2026-03-08', '2026-03-09', '2026-03-10']],
    ['two days ahead at 18:00: from the next day', '2026-03-08T18:00:00.000', ['2026-03-09', '2026-03-10']],
    ['on M at 09:59 for an afternoon meeting: M only', '2026-03-10T09:59:00.000', ['2026-03-10']],
    ['on M at 10:00 for an afternoon meeting: none', '2026-03-10T10:00:00.000', []],
  ])('scheduled %s', (_label, local, expected) => {
    expect(days(scheduled(local))).toEqual(expected);
  });

  it('reads the 18:00 of the scheduling day in the company zone', () => {
    // 10:00 UTC on 03-08 is 18:00 in Shanghai.
    expect(days({ date: '2026-03-10', slot: 'AFTERNOON', scheduledAt: new Date('2026-03-08T09:59:59.999Z') })[0]).toBe('2026-03-08');
    expect(days({ date: '2026-03-10', slot: 'AFTERNOON', scheduledAt: new Date('2026-03-08T10:00:00.000Z') })[0]).toBe('2026-03-09');
  });

  it('keeps the window days as sheet days: a sheet may still be handed in on them', () => {
    const late = scheduled('2026-03-08T18:30:00.000');
    expect(isSheetDay(late, '2026-03-08', config)).toBe(true);
    expect(isObligationDay(late, '2026-03-08', config)).toBe(false);
    expect(isObligationDay(late, '2026-03-09', config)).toBe(true);
  });

  it('rejects an invalid scheduling instant', () => {
    expect(() => isObligationDay({ ...afternoon, scheduledAt: new Date('nope') }, '2026-03-09', config)).toThrow(RangeError);
  });
});
