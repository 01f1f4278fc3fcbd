import { definePolicy, Role, ROLES } from '@crm/auth';

/** Who may manage sign-in, for REST and GraphQL alike (signing in itself is public). */
export const IdentityPolicy = definePolicy({
  /** An ADMIN sets an employee's first password, or resets it. */
  setPassword: { roles: [Role.ADMIN] },
  /** Every employee changes their own. */
  changeOwnPassword: { roles: [...ROLES] },
});
