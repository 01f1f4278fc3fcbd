import { addDays, businessDate, zonedParts } from '@crm/clock';
import { Invitation, Sheet, SheetVerdict } from './campaigns-requests';
import { JOINT_DEPARTMENTS, JointCompany } from './campaigns-seed';
import type { SheetPath } from './settings';
/** Planned invitations for the next day on every sheet but the first department's (J-3). */
const PLANNED_PER_SHEET = 5;

/**
 * The company's zone for the run (the suite's BUSINESS_TZ): a fixed-offset zone in which it is now 12:00-something
 * (`on-time`: sheets lock at once) or 20:00-something (`late`: claims wait for the reconciliation). The production
 * clock cannot be moved, so choosing the zone is how a run picks the 18:00 side it measures whatever the hour;
 * a run lasts minutes, far from either cutoff.
 */
export function businessZoneFor(path: SheetPath, now = new Date()): string {
  const localHour = path === 'on-time' ? 12 : 20;
  // UTC offset in hours within [-12, +11]; IANA's Etc/GMT zones name it with the sign reversed.
  const offset = ((localHour - now.getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/**
 * The date of the benchmark's meetings: three days ahead, inside the 7-day sheet window and before the
 * meeting-day deadline, so the production clock (which cannot be moved) accepts invitations, confirmations
 * and sheets.
 */
export function meetingDateAhead(tz: string): string {
  return addDays(businessDate(new Date(), tz), 3);
}

/**
 * What the service will decide for a sheet handed in now for a meeting three days ahead (sheet-submission.ts):
 * before 18:00 it is today's sheet on time (it locks at once), after it today's sheet late (its claims wait
 * for the reconciliation). Asked again before every sheet run, in case a run crosses 18:00.
 */
export function sheetVerdictNow(tz: string): SheetVerdict {
  const now = new Date();
  const today = businessDate(now, tz);
  const late = zonedParts(now, tz).hour >= 18;
  return { forDay: today, effectiveDay: late ? addDays(today, 1) : today, late };
}

/** Every customer of the company invited to one meeting (by its owner, see campaigns-requests.ts). */
export function everyoneTo(company: JointCompany, meetingId: string): Invitation[] {
  return company.customers.map((customer) => ({ meetingId, customer }));
}

/** One sheet per department for the meeting, listing every customer the department confirmed for it. */
export function departmentSheets(company: JointCompany, meetingId: string): Sheet[] {
  return company.departments.map((_, d) => {
    const own = company.customers.filter((c) => c.department === d).map((c) => c.id);
    return { meetingId, department: d, customerIds: own, plannedCustomerIds: d === 0 ? [] : own.slice(0, PLANNED_PER_SHEET) };
  });
}

/**
 * The latency run's invitations, which the sheet run's sheets then list: for each meeting, `perSheet` customers
 * of each department, every meeting/customer pair once. Meeting after meeting, the departments taking turns,
 * so the concurrent callers work on the same few meetings as a call centre would.
 */
export function sheetMeetingPlan(company: JointCompany, meetingIds: string[], perSheet: number): { invitations: Invitation[]; sheets: Sheet[] } {
  const byDepartment = company.departments.map((_, d) => company.customers.filter((c) => c.department === d));
  const pick = (d: number, from: number, count: number) => Array.from({ length: count }, (_, k) => byDepartment[d][(from + k) % byDepartment[d].length]);
  const invitations: Invitation[] = [];
  const sheets: Sheet[] = [];
  meetingIds.forEach((meetingId, s) => {
    for (let k = 0; k < perSheet; k++) {
      for (let d = 0; d < JOINT_DEPARTMENTS; d++) invitations.push({ meetingId, customer: pick(d, s * perSheet + k, 1)[0] });
    }
    for (let d = 0; d < JOINT_DEPARTMENTS; d++) {
      const planned = d === 0 ? [] : pick(d, (s + 1) * perSheet, PLANNED_PER_SHEET).map((c) => c.id);
      sheets.push({ meetingId, department: d, customerIds: pick(d, s * perSheet, perSheet).map((c) => c.id), plannedCustomerIds: planned });
    }
  });
  return { invitations, sheets };
}
