import { definePolicy, Principal, Role } from '@crm/auth';
import { servesCustomer } from '@crm/auth';
import { maySeePersonalData } from '../access/customer-access';

/**
 * Who may call each V-1 action, at the door, for REST and GraphQL alike. For which customer a caller records a
 * service (mayRecordService), whose health readings (maySeeReadings, applied by HealthReadings) and whose notes
 * (maySeeNotes) a caller sees is decided per customer in the service.
 */
export const ServiceRecordsPolicy = definePolicy({
  /** Staff who serve customers in person or by phone: of a customer, the owner and the owning head (mayRecordService). */
  record: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
  /** A customer's records: any employee, partners with service-visits:read (readings and notes masked, P-1). */
  list: { scopes: ['service-visits:read'] },
  /** `Customer.serviceRecords` in the federated graph (checked by FieldCaller): the same callers, without readings. */
  customerServiceRecords: { scopes: ['service-visits:read'] },
});

/**
 * P-1 for health readings: the customer's owner employee and the head of the owning department, nobody else
 * (no role, no partner key, not even ADMIN: readings are needed only by those who serve the customer).
 */
export function maySeeReadings(viewer: Principal | undefined, customer: { ownerId: string | null; departmentId: string | null }): boolean {
  return servesCustomer(viewer, customer);
}

/**
 * Who records a service for a customer: the owning department's staff who serve them, the owner employee and the
 * head of the owning department (P-1); never another department (whose home visit would also count for V-2).
 */
export function mayRecordService(caller: Principal | undefined, customer: { ownerId: string; departmentId: string }): boolean {
  return servesCustomer(caller, customer);
}

/**
 * Service notes are personal data (P-1): the owner and the owning head, the company-wide roles (CRM_CLERK,
 * COORDINATOR, RESOURCE_DIRECTOR, GENERAL_MANAGER, ADMIN) and partners with customers:pii; to everyone else (other
 * departments, colleagues of the owner) they are hidden (`notes: null, notesHidden: true`). The owner not known:
 * only those roles and partners.
 */
export function maySeeNotes(viewer: Principal | undefined, customer: { ownerId: string | null; departmentId: string | null } | null): boolean {
  return maySeePersonalData(viewer, customer);
}
