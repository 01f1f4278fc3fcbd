import { definePolicy, isEmployee, Principal, Role } from '@crm/auth';

/** Who may do what with outreach events (O-1). */
export const OutreachPolicy = definePolicy({
  record: { roles: [Role.DEPARTMENT_HEAD, Role.CRM_CLERK, Role.GENERAL_MANAGER, Role.ADMIN] },
  read: {},
});

/** Roles that record any department's outreach events; a head records only their own department's. */
const COMPANY_ROLES: readonly Role[] = [Role.CRM_CLERK, Role.GENERAL_MANAGER, Role.ADMIN];

/** Whether the caller may record an outreach event of this department. */
export function mayRecordFor(caller: Principal | undefined, departmentId: string): boolean {
  return !(isEmployee(caller) && !COMPANY_ROLES.includes(caller.role) && caller.departmentId !== departmentId);
}
