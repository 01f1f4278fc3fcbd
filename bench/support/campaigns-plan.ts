import { addDays, businessDate, zonedParts } from '@crm/clock';
import { Invitation, Sheet, SheetVerdict } from './campaigns-requests';
import { JOINT_DEPARTMENTS, JointCompany } from './campaigns-seed';

/** The company's zone (BUSINESS_TZ default): the sheet window and the 18:00 cutoff are read in it. */
const TZ = 'Asia/Shanghai';
/** Planned invitations for the next day on every sheet but the first department's (J-3). */
const PLANNED_PER_SHEET = 5;

/**
 * The date of the benchmark's meetings: three days ahead, inside the 7-day sheet window and before the
 * meeting-day deadline, so the production clock (which cannot be moved) accepts invitations, confirmations
 * and sheets.
 */
export function meetingDateAhead(): string {
  return addDays(businessDate(new Date(), TZ), 3);
}

/**
 * What the service will decide for a sheet handed in now for a meeting three days ahead (sheet-submission.ts):
 * before 18:00 it is today's sheet on time (it locks at once), after it today's sheet late (its claims wait
 * for the reconciliation). Asked again before every sheet run, in case a run crosses 18:00.
 */
export function sheetVerdictNow(): SheetVerdict {
  const now = new Date();
  const today = businessDate(now, TZ);
  const late = zonedParts(now, TZ).hour >= 18;
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
