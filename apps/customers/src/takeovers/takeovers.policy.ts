import { definePolicy, Role } from '@crm/auth';

/**
 * Who may do what with takeover reports (V-2), for REST and GraphQL alike. The report goes to the resource
 * director, who decides it; the general manager may read the list (and reassign an under-served customer
 * with the customers' transfer), but does not decide reports. No partner.
 */
export const TakeoversPolicy = definePolicy({
  list: { roles: [Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER] },
  decide: { roles: [Role.RESOURCE_DIRECTOR] },
});
