import { definePolicy, Role } from '@crm/auth';

/**
 * Who may do what with customers, for REST and GraphQL alike. Which customers a caller may see whole or change
 * is decided per record in the service (personal-data-policy.ts, P-1).
 */
export const CustomersPolicy = definePolicy({
  /** Any employee (owning the customer or naming an owner), or a partner that may write. */
  register: { scopes: ['customers:write'] },
  read: { scopes: ['customers:read'] },
  update: { scopes: ['customers:write'] },
  /**
   * V-2: the resource director decides transfers; the company (the general manager too) may reassign any
   * under-served customer (the service refuses the general manager other customers).
   */
  transfer: { roles: [Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER] },
});
