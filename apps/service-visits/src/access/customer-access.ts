import { COMPANY_WIDE_ROLES, isEmployee, isPartner, OwnedCustomer, Principal, servesCustomer } from '@crm/auth';

/** Partner scope that grants full personal data (P-1), as in customers. */
export const PII_SCOPE = 'customers:pii';

/**
 * Service notes are personal data (P-1): the owner and the owning head, the company-wide roles (they work for
 * every department's customers: the CRM centre, the coordinator, the resource director, the general manager,
 * admins), partners with customers:pii; never another department's staff, nor a colleague of the owner.
 */
export function maySeePersonalData(viewer: Principal | undefined, customer: OwnedCustomer | null): boolean {
  if (isPartner(viewer)) return viewer.scopes.includes(PII_SCOPE);
  if (!isEmployee(viewer)) return false;
  return COMPANY_WIDE_ROLES.has(viewer.role) || servesCustomer(viewer, customer);
}
