import { definePolicy, Role } from '@crm/auth';

/**
 * P-3: who may take a customer's data out of service-visits. A data request is handled by the company: the
 * general manager and ADMIN, no other role, no partner key. Checked here as in every service (zero trust). The
 * export is the authorised channel for health readings: they are shown decrypted, every opening audited (P-2).
 */
export const PersonalDataPolicy = definePolicy({
  /** `GET /api/v1/personal-data/{customerId}`: the service-visits section of the customer's export. */
  exportPersonalData: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
});
