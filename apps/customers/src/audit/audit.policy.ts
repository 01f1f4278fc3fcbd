import { definePolicy, Role } from '@crm/auth';

/** Who may read the P-2 audit trail, for REST and GraphQL alike: the general manager and admins; no partner. */
export const AuditPolicy = definePolicy({
  list: { roles: [Role.GENERAL_MANAGER, Role.ADMIN] },
});
