const DAY_MS = 24 * 60 * 60 * 1000;

/** The service kinds that count as a home visit for V-2 (a phone call or materials do not). */
export const HOME_VISIT_KINDS: readonly string[] = ['HOME_VISIT'];

/**
 * Where a customer's V-2 window starts: the latest of joining or the last assignment (a new owner gets the
 * whole window) and the last time they were served (a meeting attended, or a home visit by the owning
 * department).
 */
export function windowStart(ownedSince: Date, lastServedAt: Date | null): Date {
  return lastServedAt && lastServedAt > ownedSince ? lastServedAt : ownedSince;
}

/**
 * V-2: under-served when nothing counted in the `days` before `now`. The window is (now − days, now], so a
 * customer who joined (or was served) exactly `days` ago is under-served from that instant: on day 89 not, on
 * day 90 and after yes.
 */
export function isUnderServed(start: Date, now: Date, days: number): boolean {
  return start.getTime() <= now.getTime() - days * DAY_MS;
}

/** The last instant the customer still counts as served, for messages and the director's list. */
export function underServedFrom(start: Date, days: number): Date {
  return new Date(start.getTime() + days * DAY_MS);
}

/** Whether a service record counts for V-2: a home visit by someone of the customer's owning department. */
export function countsAsHomeVisit(kind: string, byDepartmentId: string | null, owningDepartmentId: string | null): boolean {
  return HOME_VISIT_KINDS.includes(kind) && byDepartmentId !== null && byDepartmentId === owningDepartmentId;
}
