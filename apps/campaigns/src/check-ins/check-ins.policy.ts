import { definePolicy, Role } from '@crm/auth';

/** Who may check customers in at a meeting (J-9), over REST and GraphQL alike. */
export const CheckInsPolicy = definePolicy({
  checkIn: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN] },
});
