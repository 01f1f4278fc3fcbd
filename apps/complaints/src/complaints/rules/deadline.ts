import { SlaState } from './complaint-enums';

const HOUR_MS = 3_600_000;

/** C-4: a complaint is due `slaHours` (72 by default) after it was filed. */
export function dueAtOf(filedAt: Date, slaHours: number): Date {
  return new Date(filedAt.getTime() + slaHours * HOUR_MS);
}

/**
 * "Not resolved within 72 hours": the 72nd hour itself is still within, so a complaint is overdue only after
 * its due time (at 72:00:00.000 it is not, at 72:00:00.001 it is).
 */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}

/** A resolution by the due time (inclusive) meets the deadline. */
export function resolvedInTime(dueAt: Date, resolvedAt: Date): boolean {
  return !isOverdue(dueAt, resolvedAt);
}

/**
 * The deadline state after a resolution: met when in time; a late resolution leaves it PENDING so the
 * complaint-sla sweep still breaches it (it was not resolved within 72 hours); a breach stays a breach.
 */
export function slaAfterResolution(current: SlaState, dueAt: Date, resolvedAt: Date): SlaState {
  if (current === SlaState.BREACHED) return current;
  return resolvedInTime(dueAt, resolvedAt) ? SlaState.MET : SlaState.PENDING;
}

/** A reopening (C-5) keeps the original due time: the clock runs again unless the deadline was breached already. */
export function slaAfterReopening(current: SlaState): SlaState {
  return current === SlaState.BREACHED ? current : SlaState.PENDING;
}
