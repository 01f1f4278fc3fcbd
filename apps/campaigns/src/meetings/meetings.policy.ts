import { definePolicy, isEmployee, Principal, Role } from '@crm/auth';

/** Who may do what with meetings (J-1), over REST and GraphQL alike. */
export const MeetingsPolicy = definePolicy({
  schedule: { roles: [Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN] },
  read: { scopes: ['campaigns:read'] },
});

/** Roles that plan any meeting; a head plans only meetings their own department takes part in. */
const COMPANY_ROLES: readonly Role[] = [Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN];

/** Whether the caller may plan a meeting of these departments. */
export function mayScheduleFor(caller: Principal | undefined, departmentIds: readonly string[]): boolean {
  return !(isEmployee(caller) && !COMPANY_ROLES.includes(caller.role) && !departmentIds.includes(caller.departmentId ?? ''));
}
