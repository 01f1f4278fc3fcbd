import { definePolicy, Role } from '@crm/auth';

/**
 * Who may call each V-2 action, at the door, for REST and GraphQL alike. Which department's customers a caller
 * lists is decided in AdequacyService (access/staff-scope.ts): heads their own, the others any.
 */
export const AdequacyPolicy = definePolicy({
  /** Who decides about under-served customers: the resource director, above them the general manager; heads for their department. */
  listUnderServed: { roles: [Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN, Role.DEPARTMENT_HEAD] },
});
