import { isEmployee, isPartner, Principal, Role } from '@crm/auth';
import { CommonErrors } from '@crm/errors';
import { COMPANY_WIDE_ROLES } from '@crm/auth';

export interface StaffScope {
  employeeId?: string;
  departmentId?: string;
}

/**
 * Whose visit plans and satisfaction figures a caller may list: an employee their own (asking for another's is
 * 403), a department head their department's, company-wide roles anyone's (what they ask for).
 */
export function staffScope(caller: Principal | undefined, requested: StaffScope): StaffScope {
  if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN(isPartner(caller) ? 'Staff lists are for staff' : 'Sign in');
  if (COMPANY_WIDE_ROLES.has(caller.role)) return requested;
  if (caller.role === Role.DEPARTMENT_HEAD) {
    if (!caller.departmentId) throw CommonErrors.FORBIDDEN('You belong to no department');
    if (requested.departmentId && requested.departmentId !== caller.departmentId) throw CommonErrors.FORBIDDEN(`You may list department ${caller.departmentId} only`);
    return { ...requested, departmentId: caller.departmentId };
  }
  if (requested.employeeId && requested.employeeId !== caller.employeeId) throw CommonErrors.FORBIDDEN('You may list your own only');
  if (requested.departmentId && requested.departmentId !== caller.departmentId) throw CommonErrors.FORBIDDEN('You may list your own only');
  return { employeeId: caller.employeeId };
}

export function actorOf(principal: Principal | undefined): string {
  if (isEmployee(principal)) return `employee:${principal.employeeId}`;
  if (isPartner(principal)) return `partner:${principal.keyId}`;
  return 'system';
}
