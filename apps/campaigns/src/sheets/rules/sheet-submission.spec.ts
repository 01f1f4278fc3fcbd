import { SheetMeeting, sheetRulesConfig } from './sheet-rules.config';
import { classifySubmission, SubmissionVerdict } from './sheet-submission';

const TZ = 'Asia/Shanghai';
const config = sheetRulesConfig({ tz: TZ });
const afternoon: SheetMeeting = { date: '2026-03-10', slot: 'AFTERNOON' };
const evening: SheetMeeting = { date: '2026-03-10', slot: 'EVENING' };

/** A Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

const onTime = (day: string): SubmissionVerdict => ({ kind: 'ACCEPTED', forDay: day, effectiveDay: day, late: false });
const late = (day: string, effectiveDay: string): SubmissionVerdict => ({ kind: 'ACCEPTED', forDay: day, effectiveDay, late: true });
const TOO_EARLY: SubmissionVerdict = { kind: 'TOO_EARLY' };
const CLOSED: SubmissionVerdict = { kind: 'CLOSED' };

/**
 * `onTimeDays`: the days the department already handed in an on-time sheet for. Since supplementary sheets (J-3)
 * they change nothing: the table keeps them to show that.
 */
function classify(meeting: SheetMeeting, local: string, _onTimeDays: string[] = []) {
  return classifySubmission({ submittedAt: sh(local), meeting }, config);
}

describe('classifySubmission (J-3, J-6)', () => {
  it.each<[string, string, string[], SubmissionVerdict]>([
    // The window opens at 00:00 of M-7.
    ['long before the window', '2026-01-01T12:00:00.000', [], TOO_EARLY],
    ['the day before the window, last ms', '2026-03-02T23:59:59.999', [], TOO_EARLY],
    ['the day before the window, after 18:00', '2026-03-02T18:30:00.000', [], TOO_EARLY],
    ['first window day at 00:00', '2026-03-03T00:00:00.000', [], onTime('2026-03-03')],
    ['first window day at 18:00, no sheet yet', '2026-03-03T18:00:00.000', [], late('2026-03-03', '2026-03-04')],
    // 17:59 vs 18:00 vs 18:01 on a window day.
    ['window day 17:59', '2026-03-05T17:59:00.000', [], onTime('2026-03-05')],
    ['window day 17:59:59.999', '2026-03-05T17:59:59.999', [], onTime('2026-03-05')],
    ['window day 18:00, no on-time sheet: late for D', '2026-03-05T18:00:00.000', [], late('2026-03-05', '2026-03-06')],
    ['window day 18:01, no on-time sheet: late for D', '2026-03-05T18:01:00.000', [], late('2026-03-05', '2026-03-06')],
    ['window day 23:59:59.999, no on-time sheet', '2026-03-05T23:59:59.999', [], late('2026-03-05', '2026-03-06')],
    // J-3 supplementary sheets: a second sheet after the cutoff when an on-time one exists is D's supplement, late
    // (its customers count for D+1); it never takes the place of D+1's own sheet.
    ['window day 18:00 with an on-time sheet: a late supplement of D', '2026-03-05T18:00:00.000', ['2026-03-05'], late('2026-03-05', '2026-03-06')],
    ['window day 18:01 with an on-time sheet: a late supplement of D', '2026-03-05T18:01:00.000', ['2026-03-05'], late('2026-03-05', '2026-03-06')],
    ['on-time sheet only for another day does not count', '2026-03-05T18:01:00.000', ['2026-03-04', '2026-03-06'], late('2026-03-05', '2026-03-06')],
    ['before the cutoff an existing on-time sheet changes nothing', '2026-03-05T12:00:00.000', ['2026-03-05'], onTime('2026-03-05')],
    // The next morning is the next day's sheet, whatever happened to the previous one.
    ['next day 00:00 without a sheet for the day before', '2026-03-06T00:00:00.000', [], onTime('2026-03-06')],
    // M-1 at 18:00: the effective day is M, inside the window.
    ['M-1 17:59:59.999', '2026-03-09T17:59:59.999', [], onTime('2026-03-09')],
    ['M-1 18:00, no on-time sheet: late for M-1, effective M', '2026-03-09T18:00:00.000', [], late('2026-03-09', '2026-03-10')],
    ['M-1 18:00 with an on-time sheet: a late supplement of M-1, effective M', '2026-03-09T18:00:00.000', ['2026-03-09'], late('2026-03-09', '2026-03-10')],
    ['M-1 23:59:59.999 with an on-time sheet', '2026-03-09T23:59:59.999', ['2026-03-09'], late('2026-03-09', '2026-03-10')],
    // The meeting day of an afternoon meeting: due before 10:00, then closed.
    ['M 00:00 (afternoon)', '2026-03-10T00:00:00.000', [], onTime('2026-03-10')],
    ['M 09:59 (afternoon)', '2026-03-10T09:59:00.000', [], onTime('2026-03-10')],
    ['M 09:59:59.999 (afternoon)', '2026-03-10T09:59:59.999', [], onTime('2026-03-10')],
    ['M 10:00 (afternoon)', '2026-03-10T10:00:00.000', [], CLOSED],
    ['M 10:00 (afternoon) with an on-time sheet for M', '2026-03-10T10:00:00.000', ['2026-03-10'], CLOSED],
    ['M 15:59 (afternoon)', '2026-03-10T15:59:00.000', [], CLOSED],
    ['M 18:00 (afternoon): no 18:00 rule on M', '2026-03-10T18:00:00.000', ['2026-03-10'], CLOSED],
    ['M+1 (afternoon)', '2026-03-11T09:00:00.000', [], CLOSED],
  ])('%s (%s) → %j', (_label, local, onTimeDays, expected) => {
    expect(classify(afternoon, local, onTimeDays)).toEqual(expected);
  });

  it.each<[string, SubmissionVerdict]>([
    ['2026-03-10T09:59:00.000', onTime('2026-03-10')],
    ['2026-03-10T10:00:00.000', onTime('2026-03-10')],
    ['2026-03-10T15:59:00.000', onTime('2026-03-10')],
    ['2026-03-10T15:59:59.999', onTime('2026-03-10')],
    ['2026-03-10T16:00:00.000', CLOSED],
    ['2026-03-10T16:01:00.000', CLOSED],
    ['2026-03-10T18:00:00.000', CLOSED],
    ['2026-03-09T18:00:00.000', late('2026-03-09', '2026-03-10')],
  ])('evening meeting: %s → %j', (local, expected) => {
    expect(classify(evening, local)).toEqual(expected);
  });

  describe('time zone', () => {
    it.each<[string, string, string[], SubmissionVerdict]>([
      ['10:30 UTC is 18:30 in Shanghai: after the cutoff', '2026-03-05T10:30:00.000Z', [], late('2026-03-05', '2026-03-06')],
      ['09:59:59.999 UTC is 17:59:59.999 in Shanghai', '2026-03-05T09:59:59.999Z', [], onTime('2026-03-05')],
      ['10:00 UTC is 18:00 in Shanghai', '2026-03-05T10:00:00.000Z', ['2026-03-05'], late('2026-03-05', '2026-03-06')],
      ['16:30 UTC on the 5th is the 6th in Shanghai', '2026-03-05T16:30:00.000Z', [], onTime('2026-03-06')],
      ['15:59:59.999 UTC on 03-02 is the last ms before the window', '2026-03-02T15:59:59.999Z', [], TOO_EARLY],
      ['16:00 UTC on 03-02 opens the window', '2026-03-02T16:00:00.000Z', [], onTime('2026-03-03')],
      ['02:00 UTC on M is 10:00 in Shanghai', '2026-03-10T02:00:00.000Z', [], CLOSED],
    ])('%s', (_label, utc, _onTimeDays, expected) => {
      const verdict = classifySubmission({ submittedAt: new Date(utc), meeting: afternoon }, config);
      expect(verdict).toEqual(expected);
    });

    it('reads the same instant in the configured zone, not the server zone', () => {
      const utc = sheetRulesConfig({ tz: 'UTC' });
      const input = { submittedAt: new Date('2026-03-05T10:30:00.000Z'), meeting: afternoon };
      expect(classifySubmission(input, utc)).toEqual(onTime('2026-03-05'));
      expect(classifySubmission(input, config)).toEqual(late('2026-03-05', '2026-03-06'));
    });
  });

  it.each<[string, SubmissionVerdict]>([
    ['2026-03-06T23:59:59.999', TOO_EARLY],
    ['2026-03-07T00:00:00.000', onTime('2026-03-07')],
    ['2026-03-07T17:29:59.999', onTime('2026-03-07')],
    ['2026-03-07T17:30:00.000', late('2026-03-07', '2026-03-08')],
  ])('follows a configured window of 3 days and cutoff 17:30: %s → %j', (local, expected) => {
    const custom = sheetRulesConfig({ tz: TZ, windowDays: 3, dailyCutoff: '17:30' });
    expect(classifySubmission({ submittedAt: sh(local), meeting: afternoon }, custom)).toEqual(expected);
  });

  it('rejects an invalid instant', () => {
    expect(() =>
      classifySubmission({ submittedAt: new Date('nope'), meeting: afternoon }, config),
    ).toThrow(RangeError);
  });
});
