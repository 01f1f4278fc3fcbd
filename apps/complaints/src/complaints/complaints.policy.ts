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
  /**
   * Resolve (C-5): staff who handle complaints, but never the employee the complaint names (refused with
   * SELF_RESOLUTION_FORBIDDEN in the service; an EMPLOYEE sees only complaints naming them, so in effect heads and
   * the general manager's office resolve). EMPLOYEE stays here so that refusal says why.
   */
  resolve: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN] },
  /** Record what was done (C-5): staff who may see the complaint, the employee it names included. */
  recordAction: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN] },
  /** Reopen (once): those who check the work. */
  reopen: { roles: [Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN] },
  /** `Customer.complaints` in the federated graph: any employee, partners with complaints:read (checked by FieldCaller). */
  customerComplaints: { scopes: ['complaints:read'] },
});
