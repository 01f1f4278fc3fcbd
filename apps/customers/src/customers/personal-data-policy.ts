import { isEmployee, isPartner, Principal, Role } from '@crm/auth';

/** Roles whose work needs full phone numbers of any customer (P-1): entering archives, ownership, rulings. */
const ROLES_WITH_FULL_PHONE: readonly Role[] = [Role.CRM_CLERK, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER];

/** Partner scope that grants full personal data. */
export const PII_SCOPE = 'customers:pii';

/**
 * P-1: the owner employee, the head of the owning department, and roles that need it see the full phone;
 * everyone else sees it masked.
 */
export function maySeeFullPhone(viewer: Principal | undefined, customer: { ownerId: string; departmentId: string }): boolean {
  if (isPartner(viewer)) return viewer.scopes.includes(PII_SCOPE);
  if (!isEmployee(viewer)) return false;
  if (viewer.employeeId === customer.ownerId) return true;
  if (viewer.role === Role.DEPARTMENT_HEAD && viewer.departmentId === customer.departmentId) return true;
  return ROLES_WITH_FULL_PHONE.includes(viewer.role);
}

/** Who may change a customer's details: those responsible for the customer, and the CRM centre. */
export function mayEditCustomer(viewer: Principal | undefined, customer: { ownerId: string; departmentId: string }): boolean {
  if (isPartner(viewer)) return viewer.scopes.includes('customers:write');
  if (!isEmployee(viewer)) return false;
  if (viewer.employeeId === customer.ownerId) return true;
  if (viewer.role === Role.DEPARTMENT_HEAD && viewer.departmentId === customer.departmentId) return true;
  return [Role.CRM_CLERK, Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN].includes(viewer.role);
}

