import { definePolicy, Role } from '@crm/auth';

/** P-3: a data request is handled by the company: the general manager and admins, never partners. */
export const PersonalDataPolicy = definePolicy({
  exportPersonalData: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
});
