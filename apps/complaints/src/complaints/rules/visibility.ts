import { isEmployee, Principal, Role } from '@crm/auth';
import { ComplaintChannel } from './complaint-enums';

/** Roles that see, file and handle complaints about anyone (the general manager receives them, C-1). */
const COMPANY_WIDE: ReadonlySet<Role> = new Set([Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN]);

/** The complaints a caller may see, file and handle. */
export type ComplaintScope =
  | { kind: 'all' }
  | { kind: 'some'; employeeId: string; departmentId: string | null }
  | { kind: 'none' };

/** The part of a complaint its scope is decided on: whom it is about. */
export interface ComplaintSubject {
  employeeId: string;
  departmentId: string;
  /**
   * The department that owned the customer when the complaint was filed (C-3, C-4): its head is fined for it, so
   * sees and handles it too. Absent when filing: who may file stays with the employee's department.
   */
  customerDepartmentId?: string | null;
}

/**
 * C-1: the employee concerned, the head of their department, the head of the customer's department (fined under
 * C-3/C-4), the general manager and the coordinator (and admins); not other employees, nor roles without a part
 * in complaints. Partners holding complaints:read see
 * what the integration needs (their scope is checked on the route).
 */
export function complaintScope(caller: Principal | undefined): ComplaintScope {
  if (!caller) return { kind: 'none' };
  if (!isEmployee(caller)) return caller.scopes.includes('complaints:read') ? { kind: 'all' } : { kind: 'none' };
  if (COMPANY_WIDE.has(caller.role)) return { kind: 'all' };
  if (caller.role === Role.DEPARTMENT_HEAD) return { kind: 'some', employeeId: caller.employeeId, departmentId: caller.departmentId };
  if (caller.role === Role.EMPLOYEE) return { kind: 'some', employeeId: caller.employeeId, departmentId: null };
  return { kind: 'none' };
}

export function inScope(scope: ComplaintScope, subject: ComplaintSubject): boolean {
  if (scope.kind !== 'some') return scope.kind === 'all';
  if (subject.employeeId === scope.employeeId) return true;
  return scope.departmentId !== null && (subject.departmentId === scope.departmentId || subject.customerDepartmentId === scope.departmentId);
}

export function maySee(caller: Principal | undefined, subject: ComplaintSubject): boolean {
  return inScope(complaintScope(caller), subject);
}

/**
 * Who may file: staff who may see complaints about that employee; the general manager's channel is recorded
 * by the general manager's office (general manager, coordinator, admins); a partner files through its own
 * channel only. Answers the reason for a refusal, or null.
 */
export function filingRefusal(caller: Principal | undefined, subject: ComplaintSubject, channel: ComplaintChannel): string | null {
  if (!caller) return 'Filing needs a caller';
  if (!isEmployee(caller)) {
    return channel === ComplaintChannel.PARTNER ? null : 'A partner files complaints through the PARTNER channel';
  }
  if (channel === ComplaintChannel.TO_GENERAL_MANAGER && !COMPANY_WIDE.has(caller.role)) {
    return "Complaints to the general manager are filed by the general manager's office";
  }
  if (!maySee(caller, subject)) return 'You may file complaints about yourself, or as a head about your department';
  return null;
}

/** Reopening (C-5) is for those who check the work: the head, the general manager, the coordinator, admins. */
export function reopeningRefusal(caller: Principal | undefined, subject: ComplaintSubject): string | null {
  if (!isEmployee(caller) || !maySee(caller, subject)) return 'You may not see this complaint';
  if (caller.role === Role.EMPLOYEE) return 'The employee concerned may not reopen a complaint';
  return null;
}

/**
 * C-5: a resolution is marked by someone other than the employee the complaint names (their head, the general
 * manager's office), who may see the complaint; the employee concerned records what they did instead.
 */
export function resolutionRefusal(caller: Principal | undefined, subject: ComplaintSubject): 'NOT_VISIBLE' | 'SELF_RESOLUTION' | null {
  if (!isEmployee(caller) || !maySee(caller, subject)) return 'NOT_VISIBLE';
  if (caller.employeeId === subject.employeeId) return 'SELF_RESOLUTION';
  return null;
}
