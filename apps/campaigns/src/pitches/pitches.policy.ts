import { definePolicy, Role } from '@crm/auth';

/** Who may present to customers at a meeting (J-10). */
export const PitchesPolicy = definePolicy({
  grantConsent: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
  start: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
  end: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD] },
});
