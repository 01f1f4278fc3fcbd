import { definePolicy, Role } from '@crm/auth';

/**
 * P-3: who may take a customer's data out of complaints. A data request is handled by the company: the general
 * manager and ADMIN, no other role, no partner key. Checked here as in every service (zero trust), whoever called.
 */
export const PersonalDataPolicy = definePolicy({
  /** `GET /api/v1/personal-data/{customerId}`: the complaints' section of the customer's export. */
  exportPersonalData: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
});
