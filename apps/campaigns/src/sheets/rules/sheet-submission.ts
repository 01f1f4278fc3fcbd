/**
 * Classifying a daily sheet handed in at an instant (docs/rules.md J-3, J-6; source text 三.1, 三.3).
 *
 * With D the business date of `submittedAt` in the configured zone:
 * - before 00:00 of M - windowDays: TOO_EARLY (J-3: the window is the week before the meeting);
 * - at or after the meeting-day deadline: CLOSED (J-6: nothing new after it);
 * - strictly before D's deadline (18:00, or the J-6 deadline on M): D's sheet, on time;
 * - at or after D's 18:00 cutoff (only possible for D < M): "每晚6点后再邀约算作第二天邀约", its customers count
 *   for the next day (effectiveDay = D+1), and it is a sheet of D handed in late (forDay = D, late), whether
 *   or not the department handed in an on-time sheet for D already: a department may hand in supplementary
 *   sheets for a day, and a late one never takes the place of the next day's own sheet (J-3). J-7 counts D as
 *   on time when any on-time sheet exists for it. On M-1 the effective day is M, inside the window.
 *
 * A sheet is always placed by the date it is handed in: a sheet for D handed in the next morning is D+1's
 * sheet (and D's stays missing, J-7).
 */
import { addDays, businessDate } from '@crm/clock';
import { SheetMeeting, SheetRulesConfig } from './sheet-rules.config';
import { meetingDayDeadline, sheetDeadline, windowOpensAt } from './sheet-window';

export interface SubmissionInput {
  submittedAt: Date;
  meeting: SheetMeeting;
}

export type SubmissionVerdict =
  | { kind: 'TOO_EARLY' }
  | { kind: 'CLOSED' }
  | {
      kind: 'ACCEPTED';
      /** The obligation day this sheet fulfils (J-7 counts it for this day). */
      forDay: string;
      /** The day its invitations count for in precedence (J-4). */
      effectiveDay: string;
      /** Handed in after forDay's deadline. */
      late: boolean;
    };

export function classifySubmission(input: SubmissionInput, config: SheetRulesConfig): SubmissionVerdict {
  const { submittedAt, meeting } = input;
  const at = submittedAt.getTime();
  if (Number.isNaN(at)) throw new RangeError('submittedAt is not a valid instant');

  // J-3: the window opens at 00:00 of M - windowDays.
  if (at < windowOpensAt(meeting, config).getTime()) return { kind: 'TOO_EARLY' };
  // J-6: at or after the meeting-day deadline nothing new is accepted.
  if (at >= meetingDayDeadline(meeting, config).getTime()) return { kind: 'CLOSED' };

  const d = businessDate(submittedAt, config.tz);
  // J-3 / J-6: strictly before D's deadline it is D's sheet, on time.
  if (at < sheetDeadline(meeting, d, config).getTime()) return { kind: 'ACCEPTED', forDay: d, effectiveDay: d, late: false };

  // Here D < M (on M, at/after the deadline was CLOSED above). J-3: after 18:00 it counts for the next day, late.
  return { kind: 'ACCEPTED', forDay: d, effectiveDay: addDays(d, 1), late: true };
}
