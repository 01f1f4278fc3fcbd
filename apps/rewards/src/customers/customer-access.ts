import { isEmployee, Principal, Role } from '@crm/auth';

/**
 * Roles that act for customers of every department in rewards (not department staff): the CRM centre at the
 * counter, the coordinator, the resource director, the general manager and admins. What each of them may do is
 * the door's (PointsPolicy); which customer they name is not restricted.
 */
const COMPANY_WIDE: ReadonlySet<Role> = new Set([Role.CRM_CLERK, Role.COORDINATOR, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN]);

/**
 * Whether the caller is department staff (EMPLOYEE, DEPARTMENT_HEAD), whose reach ends at the customers their
 * department owns, so the customer's ownership must be known to answer them. Partners are bound by their
 * scopes only (checked at the door).
 */
export function isDepartmentStaff(caller: Principal | undefined): boolean {
  return isEmployee(caller) && !COMPANY_WIDE.has(caller.role);
}

/**
 * P-1 for a customer's points (reading and redeeming): the owner employee, the head of the owning department,
 * the company-wide roles and partners (their scopes checked at the door); never another department's staff, nor
 * a colleague of the owner. Department staff are refused when the owner is not known (`customer` null).
 */
export function mayActForCustomer(caller: Principal | undefined, customer: { ownerId: string; departmentId: string } | null): boolean {
  if (caller === undefined) return false;
  if (!isDepartmentStaff(caller)) return true;
  if (!isEmployee(caller) || !customer) return false;
  if (caller.employeeId === customer.ownerId) return true;
  return caller.role === Role.DEPARTMENT_HEAD && caller.departmentId !== null && caller.departmentId === customer.departmentId;
}
