import { definePolicy, Role } from '@crm/auth';

/** Who may do what with disputes between departments (J-11). */
export const DisputesPolicy = definePolicy({
  raise: { roles: [Role.COORDINATOR, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN] },
  rule: { roles: [Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN] },
  read: { roles: [Role.COORDINATOR, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.ADMIN] },
});
