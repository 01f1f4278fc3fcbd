import { definePolicy, Role } from '@crm/auth';

/** Who may do what with sales and refunds (J-10), over REST and GraphQL alike. */
export const SalesPolicy = definePolicy({
  record: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN] },
  refund: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN] },
  read: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN] },
});
