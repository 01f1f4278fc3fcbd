/**
 * When a day's reconciliation is due (docs/rules.md J-8; source text 三.1: "当晚由协调助理开箱核对").
 *
 * A day's reconciliation is due once its deadline has passed, i.e. at or after the deadline instant
 * (the same instant from which a sheet no longer counts as on time): 18:00 on a window day, the J-6
 * deadline on the meeting day. Days outside the window, and window days before the meeting was scheduled (J-3,
 * J-7), are no obligation days and are never due.
 * `daysToReconcile` lists every due day, oldest first, so a sweep that missed runs catches up in order.
 */
import { SheetMeeting, SheetRulesConfig } from './sheet-rules.config';
import { isObligationDay, SheetDay, sheetDays, sheetDeadline } from './sheet-window';

function instant(now: Date): number {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('now is not a valid instant');
  return t;
}

/** J-8: whether the reconciliation of `day` is due at `now`. */
export function reconciliationDue(meeting: SheetMeeting, day: string, now: Date, config: SheetRulesConfig): boolean {
  const t = instant(now);
  return isObligationDay(meeting, day, config) && t >= sheetDeadline(meeting, day, config).getTime();
}

/** J-8: every obligation day whose deadline has passed at `now`, in date order. */
export function daysToReconcile(meeting: SheetMeeting, now: Date, config: SheetRulesConfig): SheetDay[] {
  const t = instant(now);
  return sheetDays(meeting, config).filter((d) => t >= d.deadline.getTime());
}
