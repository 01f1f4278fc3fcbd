import { definePolicy, Role } from '@crm/auth';

/** Who may manage access to the API, for REST and GraphQL alike. */
export const AccessPolicy = definePolicy({
  /** Partner keys: issued, listed and revoked by an ADMIN. */
  manageApiKeys: { roles: [Role.ADMIN] },
});
