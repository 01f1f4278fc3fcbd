import { assertSheetMeeting, DEFAULT_SHEET_RULES, DEFAULT_SHEET_TZ, SheetMeeting, sheetRulesConfig } from './sheet-rules.config';

describe('sheetRulesConfig', () => {
  it('uses the J-3/J-6 defaults with the zone given', () => {
    expect(sheetRulesConfig({ tz: DEFAULT_SHEET_TZ })).toEqual({
      windowDays: 7,
      dailyCutoff: '18:00',
      afternoonDeadline: '10:00',
      eveningDeadline: '16:00',
      tz: 'Asia/Shanghai',
    });
  });

  it('takes overrides and leaves the rest at the defaults', () => {
    expect(sheetRulesConfig({ tz: 'UTC', windowDays: 3, dailyCutoff: '17:30' })).toEqual({
      ...DEFAULT_SHEET_RULES,
      tz: 'UTC',
      windowDays: 3,
      dailyCutoff: '17:30',
    });
  });

  it('returns a frozen object and keeps the defaults frozen', () => {
    expect(Object.isFrozen(sheetRulesConfig({ tz: DEFAULT_SHEET_TZ }))).toBe(true);
    expect(Object.isFrozen(DEFAULT_SHEET_RULES)).toBe(true);
  });

  it.each([
    [{ windowDays: 0 }, /windowDays/],
    [{ windowDays: -1 }, /windowDays/],
    [{ windowDays: 1.5 }, /windowDays/],
    [{ windowDays: Number.NaN }, /windowDays/],
    [{ dailyCutoff: '18:0' }, /dailyCutoff/],
    [{ dailyCutoff: '24:00' }, /dailyCutoff/],
    [{ dailyCutoff: '6pm' }, /dailyCutoff/],
    [{ afternoonDeadline: '10:60' }, /afternoonDeadline/],
    [{ eveningDeadline: '4:00' }, /eveningDeadline/],
    [{ tz: 'Mars/Olympus_Mons' }, /tz/],
  ])('rejects %j', (override, message) => {
    expect(() => sheetRulesConfig({ tz: DEFAULT_SHEET_TZ, ...override })).toThrow(message);
    expect(() => sheetRulesConfig({ tz: DEFAULT_SHEET_TZ, ...override })).toThrow(RangeError);
  });
});

describe('assertSheetMeeting', () => {
  it.each<[SheetMeeting]>([[{ date: '2026-03-10', slot: 'AFTERNOON' }], [{ date: '2028-02-29', slot: 'EVENING' }]])(
    'accepts %j',
    (meeting) => expect(() => assertSheetMeeting(meeting)).not.toThrow(),
  );

  it.each([
    [{ date: '2026-02-29', slot: 'AFTERNOON' }],
    [{ date: '2026-3-10', slot: 'AFTERNOON' }],
    [{ date: '2026-03-10', slot: 'MORNING' }],
  ])('rejects %j', (meeting) => {
    expect(() => assertSheetMeeting(meeting as SheetMeeting)).toThrow(RangeError);
  });
});
