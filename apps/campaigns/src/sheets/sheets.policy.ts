import { definePolicy, isEmployee, Principal, Role } from '@crm/auth';

/** Who may do what with daily sheets (J-3..J-8), over REST and GraphQL alike. */
export const SheetsPolicy = definePolicy({
  submit: { roles: [Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN] },
  readReconciliations: { roles: [Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN] },
  /** The sheets as handed in: staff of a department see their own department's (the service says so). */
  read: { roles: [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN] },
});

/** Roles that hand in any department's sheet (the coordinator keys in paper sheets); a head hands in their own. */
const COMPANY_ROLES: readonly Role[] = [Role.COORDINATOR, Role.ADMIN];

/** Whether the caller may hand in this department's sheet. */
export function maySubmitFor(caller: Principal | undefined, departmentId: string): boolean {
  if (!isEmployee(caller)) return false;
  return COMPANY_ROLES.includes(caller.role) || (caller.role === Role.DEPARTMENT_HEAD && caller.departmentId === departmentId);
}
