/**
 * The submission window of a joint meeting's daily sheets (docs/rules.md J-3, J-6).
 *
 * For a meeting on date M the obligation days are M-windowDays … M-1, each due strictly before the daily
 * cutoff (18:00), and M itself, due strictly before the meeting-day deadline (J-6: 10:00 for an afternoon
 * meeting, 16:00 for an evening one). Deadlines are instants: `zonedInstant` of the wall-clock time in the
 * configured zone, so the comparison is exact to the millisecond (17:59:59.999 is on time, 18:00:00.000
 * is not) whatever the server's zone.
 */
import { addDays, daysBetween, isBusinessDate, zonedInstant } from '@crm/clock';
import { meetingDayDeadline } from '../../meetings/meeting-day';
import { assertSheetMeeting, SheetMeeting, SheetRulesConfig } from './sheet-rules.config';

/** J-6 is a rule of the meeting (meetings/meeting-day.ts); the window's last day ends at it. */
export { meetingDayDeadline, meetingDayDeadlineTime } from '../../meetings/meeting-day';

export interface SheetDay {
  /** The business date the sheet is for. */
  day: string;
  /** The first instant at which that day's sheet is no longer on time. */
  deadline: Date;
  /** True for the meeting day M (J-6 deadline instead of the daily cutoff). */
  meetingDay: boolean;
}

/** J-3: the first window day, M - windowDays. */
export function firstSheetDay(meeting: SheetMeeting, config: SheetRulesConfig): string {
  assertSheetMeeting(meeting);
  return addDays(meeting.date, -config.windowDays);
}

/** J-3: the window opens at 00:00 of M - windowDays; a sheet before that is too early. */
export function windowOpensAt(meeting: SheetMeeting, config: SheetRulesConfig): Date {
  return zonedInstant(firstSheetDay(meeting, config), '00:00', config.tz);
}

/** Whether `day` is one of the meeting's obligation days (M - windowDays … M). */
export function isSheetDay(meeting: SheetMeeting, day: string, config: SheetRulesConfig): boolean {
  assertSheetMeeting(meeting);
  if (!isBusinessDate(day)) return false;
  const before = daysBetween(day, meeting.date);
  return before >= 0 && before <= config.windowDays;
}

/**
 * The deadline of one obligation day: the daily cutoff (J-3), or the meeting-day deadline on M (J-6).
 * Throws RangeError for a day outside the window: no sheet is due then.
 */
export function sheetDeadline(meeting: SheetMeeting, day: string, config: SheetRulesConfig): Date {
  if (!isSheetDay(meeting, day, config)) {
    throw new RangeError(`${day} is not a sheet day of the meeting on ${meeting.date}`);
  }
  return day === meeting.date ? meetingDayDeadline(meeting, config) : zonedInstant(day, config.dailyCutoff, config.tz);
}

/**
 * J-3/J-7: whether a window day is also an obligation day: the meeting existed before that day's deadline. The
 * window never starts before the meeting exists: a meeting scheduled at 09:00 on D owes D's sheet, one scheduled
 * at or after D's 18:00 cutoff owes sheets from D+1 (and one scheduled on M after the J-6 deadline owes none).
 * A meeting without `scheduledAt` owes the whole window.
 */
export function isObligationDay(meeting: SheetMeeting, day: string, config: SheetRulesConfig): boolean {
  if (!isSheetDay(meeting, day, config)) return false;
  if (!meeting.scheduledAt) return true;
  const scheduled = meeting.scheduledAt.getTime();
  if (Number.isNaN(scheduled)) throw new RangeError('scheduledAt is not a valid instant');
  return scheduled < sheetDeadline(meeting, day, config).getTime();
}

/** J-3/J-6/J-7: the obligation days in date order (M - windowDays, or the day the meeting was scheduled, first; M last), each with its deadline. */
export function sheetDays(meeting: SheetMeeting, config: SheetRulesConfig): SheetDay[] {
  const first = firstSheetDay(meeting, config);
  const days: SheetDay[] = [];
  for (let i = 0; i <= config.windowDays; i++) {
    const day = addDays(first, i);
    if (!isObligationDay(meeting, day, config)) continue;
    days.push({ day, deadline: sheetDeadline(meeting, day, config), meetingDay: day === meeting.date });
  }
  return days;
}
