/**
 * J-6, the meeting-day deadline (docs/rules.md J-6): on the day of the meeting, sheets and confirmations are taken
 * strictly before 10:00 for an afternoon meeting and 16:00 for an evening one; from that instant the meeting
 * takes nothing new (no invitation, confirmation or sheet). A rule of the meeting itself, read by invitations
 * (J-2, J-6) and by the daily sheets' window (J-3, J-6).
 *
 * Times are wall-clock 'HH:MM' in the company's time zone `tz`; the deadline is the exact instant
 * (`zonedInstant`), so 09:59:59.999 is before it and 10:00:00.000 is not, whatever the server's zone.
 */
import { isBusinessDate, zonedInstant } from '@crm/clock';

/** The part of a meeting (J-1) the meeting-day rules look at. `date` is a 'YYYY-MM-DD' business date. */
export interface MeetingDay {
  date: string;
  slot: 'AFTERNOON' | 'EVENING';
}

/** The J-6 deadlines of the meeting day (part of the sheet rules' configuration, sheets/rules/sheet-rules.config.ts). */
export interface MeetingDayDeadlines {
  /** J-6: on the day of an afternoon meeting, sheets are due strictly before this time. */
  afternoonDeadline: string;
  /** J-6: on the day of an evening meeting, sheets are due strictly before this time. */
  eveningDeadline: string;
  /** IANA time zone of the company's business dates. */
  tz: string;
}

/** Throws RangeError unless `meeting` has a valid business date and a known slot. */
export function assertMeetingDay(meeting: MeetingDay): void {
  if (!isBusinessDate(meeting.date)) throw new RangeError(`meeting date must be 'YYYY-MM-DD', got '${meeting.date}'`);
  if (meeting.slot !== 'AFTERNOON' && meeting.slot !== 'EVENING') {
    throw new RangeError(`meeting slot must be AFTERNOON or EVENING, got '${String(meeting.slot)}'`);
  }
}

/** J-6: the wall-clock deadline of the meeting day for the meeting's slot. */
export function meetingDayDeadlineTime(meeting: MeetingDay, config: MeetingDayDeadlines): string {
  assertMeetingDay(meeting);
  return meeting.slot === 'AFTERNOON' ? config.afternoonDeadline : config.eveningDeadline;
}

/** J-6: the instant after which nothing new is accepted for the meeting. */
export function meetingDayDeadline(meeting: MeetingDay, config: MeetingDayDeadlines): Date {
  return zonedInstant(meeting.date, meetingDayDeadlineTime(meeting, config), config.tz);
}
