import { isEmployee, isPartner, Principal, Role } from '@crm/auth';

/** Roles that see every department's plans, surveys and under-served customers, and take surveys for any customer. */
export const COMPANY_WIDE: ReadonlySet<Role> = new Set([Role.COORDINATOR, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN, Role.CRM_CLERK]);

/** Partner scope that grants full personal data (P-1), as in customers. */
export const PII_SCOPE = 'customers:pii';

/** Whose customer: the owner and the owning department (from the customer-ownership read model). */
export interface OwnedCustomer {
  ownerId: string | null;
  departmentId: string | null;
}

/** Department staff (EMPLOYEE, DEPARTMENT_HEAD): their reach ends at the customers their department owns. */
export function isDepartmentStaff(caller: Principal | undefined): boolean {
  return isEmployee(caller) && !COMPANY_WIDE.has(caller.role);
}

/**
 * P-1's "owner employee and their department head": the staff who serve the customer. Nobody when the owner is not
 * known.
 */
export function servesCustomer(caller: Principal | undefined, customer: OwnedCustomer | null): boolean {
  if (!isEmployee(caller) || !customer?.ownerId) return false;
  if (caller.employeeId === customer.ownerId) return true;
  return caller.role === Role.DEPARTMENT_HEAD && caller.departmentId !== null && caller.departmentId === customer.departmentId;
}

/**
 * Service notes are personal data (P-1): the owner and the owning head, the company-wide roles (they work for
 * every department's customers: the CRM centre, the coordinator, the resource director, the general manager,
 * admins), partners with customers:pii; never another department's staff, nor a colleague of the owner.
 */
export function maySeePersonalData(viewer: Principal | undefined, customer: OwnedCustomer | null): boolean {
  if (isPartner(viewer)) return viewer.scopes.includes(PII_SCOPE);
  if (!isEmployee(viewer)) return false;
  return COMPANY_WIDE.has(viewer.role) || servesCustomer(viewer, customer);
}
