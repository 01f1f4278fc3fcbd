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

/** One record of a department (a sale credited to it): staff of another department may neither see nor change it. */
export function assertDepartmentRecord(caller: Principal | undefined, departmentId: string): void {
  if (!isEmployee(caller)) throw CommonErrors.FORBIDDEN('Records of a meeting are for staff');
  if (DEPARTMENT_ROLES.has(caller.role) && caller.departmentId !== departmentId) {
    throw OrganisationErrors.NOT_YOUR_DEPARTMENT(`This belongs to department ${departmentId}, not yours`);
  }
}
