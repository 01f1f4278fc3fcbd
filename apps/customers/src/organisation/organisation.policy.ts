import { definePolicy, Role } from '@crm/auth';

/** Who may do what with departments and employees, for REST and GraphQL alike. */
export const OrganisationPolicy = definePolicy({
  /** Departments and employees are read by every employee and by partners with the read scope. */
  read: { scopes: ['customers:read'] },
  createDepartment: { roles: [Role.ADMIN] },
  updateDepartment: { roles: [Role.ADMIN, Role.GENERAL_MANAGER] },
  createEmployee: { roles: [Role.ADMIN] },
});
