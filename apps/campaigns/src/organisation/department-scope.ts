import { isEmployee, Principal, Role } from '@crm/auth';
import { CommonErrors } from '@crm/errors';
import { OrganisationErrors } from './organisation.errors';

/** Roles that work for one department and see only its part of a meeting. */
const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set([Role.EMPLOYEE, Role.DEPARTMENT_HEAD]);

/**
 * The department a list may show the caller: staff of a department see their own (asking for another is 403
 * NOT_YOUR_DEPARTMENT); company-wide roles (coordinator, general manager, admin) see the one they ask for,
 * or every department when they ask for none (undefined).
 */
export function departmentScope(caller: Principal | undefined, requested?: string): string | undefined {
  if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN('Lists of a meeting are for staff');
  if (!DEPARTMENT_ROLES.has(caller.role)) return requested;
  if (!caller.departmentId) throw CommonErrors.FORBIDDEN('You belong to no department');
  if (requested && requested !== caller.departmentId) throw OrganisationErrors.NOT_YOUR_DEPARTMENT(`You may list department ${caller.departmentId} only`);
  return caller.departmentId;
}

/**
 * One record of a department (a sale credited to it, an invitation it made): staff of another department may neither
 * see nor change it, and the refusal names no department.
 */
export function assertDepartmentRecord(caller: Principal | undefined, departmentId: string): void {
  if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN('Records of a meeting are for staff');
  if (DEPARTMENT_ROLES.has(caller.role) && caller.departmentId !== departmentId) {
    throw OrganisationErrors.NOT_YOUR_DEPARTMENT('This belongs to another department');
  }
}

/**
 * Objects of a meeting (its sheets, reconciliations, invitations, sales, check-ins, pitches, disputes): staff of a
 * department that does not take part in the meeting learn nothing about them (403 NOT_YOUR_DEPARTMENT). Company-wide
 * roles pass; so do partners, whose scopes the capability's policy already checked. The refusal names nothing (a
 * dispute's or a sale's meeting is not the caller's to learn).
 */
export function assertTakesPart(caller: Principal | undefined, meeting: { id: string; departmentIds: readonly string[] }): void {
  if (!isEmployee(caller) || !DEPARTMENT_ROLES.has(caller.role)) return;
  if (!caller.departmentId || !meeting.departmentIds.includes(caller.departmentId)) {
    throw OrganisationErrors.NOT_YOUR_DEPARTMENT('Your department does not take part in this meeting');
  }
}

/** Roles that see every department's records of a meeting (InvitationsPolicy.read and the like, beyond department staff). */
const COMPANY_READERS: ReadonlySet<Role> = new Set([Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN]);

/**
 * Whether the caller may see one department's record reached without a guard (a GraphQL entity field): partners
 * whose scope the field checked, company-wide readers, and the staff of that department; nobody else.
 */
export function maySeeDepartmentRecord(caller: Principal | undefined, departmentId: string): boolean {
  if (!isEmployee(caller)) return caller !== undefined;
  if (COMPANY_READERS.has(caller.role)) return true;
  return DEPARTMENT_ROLES.has(caller.role) && caller.departmentId === departmentId;
}
