import { definePolicy } from '@crm/auth';

/**
 * Who may call each V-3 action, at the door, for REST and GraphQL alike. Whose plans a caller lists is decided
 * in VisitPlansService (access/staff-scope.ts): an employee their own, a head their department's.
 */
export const VisitPlansPolicy = definePolicy({
  /** Any employee (scoped in the service); no partner. */
  list: {},
});
