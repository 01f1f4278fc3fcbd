import { definePolicy, isEmployee, Principal, Role } from '@crm/auth';

/**
 * Who may call each V-1 action, at the door, for REST and GraphQL alike. Whose health readings a caller sees is
 * decided per record (maySeeReadings below, applied by HealthReadings).
 */
export const ServiceRecordsPolicy = definePolicy({
  /** Staff who serve customers in person or by phone. */
  record: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
  /** A customer's records: any employee, partners with service-visits:read (readings masked, P-1). */
  list: { scopes: ['service-visits:read'] },
  /** `Customer.serviceRecords` in the federated graph (checked by FieldCaller): the same callers, without readings. */
  customerServiceRecords: { scopes: ['service-visits:read'] },
});

/**
 * P-1 for health readings: the customer's owner employee and the head of the owning department, nobody else
 * (no role, no partner key, not even ADMIN: readings are needed only by those who serve the customer).
 */
export function maySeeReadings(viewer: Principal | undefined, customer: { ownerId: string | null; departmentId: string | null }): boolean {
  if (!isEmployee(viewer) || !customer.ownerId) return false;
  if (viewer.employeeId === customer.ownerId) return true;
  return viewer.role === Role.DEPARTMENT_HEAD && viewer.departmentId !== null && viewer.departmentId === customer.departmentId;
}
