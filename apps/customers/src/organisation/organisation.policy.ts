import { definePolicy, PARTNER_SCOPES, Role } from '@crm/auth';

/** Who may do what with departments and employees, for REST and GraphQL alike. */
export const OrganisationPolicy = definePolicy({
  /** Departments and employees are read by every employee and by partners with the read scope. */
  read: { scopes: ['customers:read'] },
  /** `me`: anyone may ask who they are; a partner key (or a role-only token) is no employee and gets null. */
  me: { scopes: PARTNER_SCOPES },
  createDepartment: { roles: [Role.ADMIN] },
  updateDepartment: { roles: [Role.ADMIN, Role.GENERAL_MANAGER] },
  createEmployee: { roles: [Role.ADMIN] },
  /** A change of role or department (which ends the employee's sessions) is set-up, as creating one is. */
  updateEmployee: { roles: [Role.ADMIN] },
  deactivateEmployee: { roles: [Role.ADMIN] },
});
