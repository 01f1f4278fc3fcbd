import { definePolicy, Role } from '@crm/auth';

/**
 * P-3: a data request is handled by the company: only the general manager and the administrator may export or
 * erase a customer's personal data; every other employee and every partner is refused (403).
 */
export const PersonalDataPolicy = definePolicy({
  exportPersonalData: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
  eraseCustomer: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
});
