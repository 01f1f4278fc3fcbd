import { isDepartmentStaff, Principal, servesCustomer } from '@crm/auth';

/**
 * P-1 for a customer's points (reading and redeeming): the staff who serve the customer (owner employee, head of
 * the owning department), the company-wide roles and partners (their scopes checked at the door); never another
 * department's staff, nor a colleague of the owner. Department staff are refused when the owner is not known
 * (`customer` null).
 */
export function mayActForCustomer(caller: Principal | undefined, customer: { ownerId: string; departmentId: string } | null): boolean {
  if (caller === undefined) return false;
  return isDepartmentStaff(caller) ? servesCustomer(caller, customer) : true;
}
