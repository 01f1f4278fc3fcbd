/**
 * Configuration of the joint-meeting daily-sheet rules (docs/rules.md J-3, J-6), in one place.
 *
 * Times are wall-clock 'HH:MM' in the company's time zone `tz`. The zone has no default inside the
 * rules: every caller passes it (normally DEFAULT_SHEET_TZ), so a server in another zone never shifts
 * a cutoff.
 */
import { assertMeetingDay, MeetingDay, MeetingDayDeadlines } from '../../meetings/meeting-day';

export type MeetingSlot = MeetingDay['slot'];

/**
 * The part of a meeting (J-1) the sheet rules look at. `date` is a 'YYYY-MM-DD' business date; `scheduledAt`, when
 * known, is the instant the meeting was scheduled (J-3/J-7: no obligation day before the meeting existed).
 */
export interface SheetMeeting extends MeetingDay {
  scheduledAt?: Date;
}

export interface SheetRulesConfig extends MeetingDayDeadlines {
  /** J-3: sheets are due on each of the `windowDays` days before the meeting (and on the meeting day, J-6). */
  windowDays: number;
  /** J-3: a day's sheet is on time strictly before this wall-clock time. */
  dailyCutoff: string;
}

export const DEFAULT_SHEET_TZ = 'Asia/Shanghai';

export const DEFAULT_SHEET_RULES: Readonly<Omit<SheetRulesConfig, 'tz'>> = Object.freeze({
  windowDays: 7, // J-3: "前一周"
  dailyCutoff: '18:00', // J-3: "每天晚6点前"
  afternoonDeadline: '10:00', // J-6: "上午10点前"
  eveningDeadline: '16:00', // J-6: "下午4点前"
});

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The defaults overridden by `overrides`; `tz` is required. Throws RangeError on a malformed value. */
export function sheetRulesConfig(overrides: Partial<SheetRulesConfig> & { tz: string }): SheetRulesConfig {
  const config: SheetRulesConfig = { ...DEFAULT_SHEET_RULES, ...overrides };
  if (!Number.isInteger(config.windowDays) || config.windowDays < 1) {
    throw new RangeError(`windowDays must be a whole number of days >= 1, got ${config.windowDays}`);
  }
  for (const key of ['dailyCutoff', 'afternoonDeadline', 'eveningDeadline'] as const) {
    if (!HH_MM.test(config[key])) throw new RangeError(`${key} must be 'HH:MM' (00:00-23:59), got '${config[key]}'`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.tz });
  } catch {
    throw new RangeError(`tz must be an IANA time zone, got '${config.tz}'`);
  }
  return Object.freeze(config);
}

/** Throws RangeError unless `meeting` has a valid business date and a known slot (the meeting's own check, J-1). */
export const assertSheetMeeting: (meeting: SheetMeeting) => void = assertMeetingDay;
