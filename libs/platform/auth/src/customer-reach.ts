import { isEmployee, Principal } from './principal';
import { Role } from './roles';

/**
 * Roles that work for every department's customers: the CRM centre, the coordinator, the resource director, the
 * general manager and admins. Department staff (EMPLOYEE, DEPARTMENT_HEAD) reach only their department's.
 */
export const COMPANY_WIDE_ROLES: ReadonlySet<Role> = new Set([Role.CRM_CLERK, Role.COORDINATOR, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN]);

/** Whose customer: the owner and the owning department, as the customer-ownership read model knows them. */
export interface OwnedCustomer {
  ownerId: string | null;
  departmentId: string | null;
}

/** Department staff (an employee in no company-wide role): their reach ends at the customers their department owns. */
export function isDepartmentStaff(caller: Principal | undefined): boolean {
  return isEmployee(caller) && !COMPANY_WIDE_ROLES.has(caller.role);
}

/**
 * P-1's "owner employee and their department head": the staff who serve the customer, and so may act for them and
 * see their personal data. Nobody when the owner is not known.
 */
export function servesCustomer(caller: Principal | undefined, customer: OwnedCustomer | null): boolean {
  if (!isEmployee(caller) || !customer?.ownerId) return false;
  if (caller.employeeId === customer.ownerId) return true;
  return caller.role === Role.DEPARTMENT_HEAD && caller.departmentId !== null && caller.departmentId === customer.departmentId;
}
