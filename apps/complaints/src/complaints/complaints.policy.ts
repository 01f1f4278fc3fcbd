import { definePolicy, Role } from '@crm/auth';

/**
 * Who may call each complaints action, at the door, for REST and GraphQL alike. Which complaint a caller may
 * file, see, resolve or reopen is decided in ComplaintsService (rules/visibility.ts): the employee concerned,
 * their head, the general manager's office.
 */
export const ComplaintsPolicy = definePolicy({
  /** File a complaint (C-1): staff, or partners through the PARTNER channel. */
  file: { scopes: ['complaints:write'] },
  list: { scopes: ['complaints:read'] },
  get: { scopes: ['complaints:read'] },
  /** Resolve (C-5): staff who handle complaints. */
  resolve: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN] },
  /** Reopen (once): those who check the work. */
  reopen: { roles: [Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN] },
  /** `Customer.complaints` in the federated graph: any employee, partners with complaints:read (checked by FieldCaller). */
  customerComplaints: { scopes: ['complaints:read'] },
});
