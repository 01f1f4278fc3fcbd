import { definePolicy } from '@crm/auth';

/**
 * Who may call each V-4 action, at the door, for REST and GraphQL alike. Whose averages a caller sees is decided
 * in SurveysService (access/staff-scope.ts): an employee their own, a head their department's.
 */
export const SurveysPolicy = definePolicy({
  /** A customer's answer, taken by staff (department staff for their department's customers, P-1) or sent by a partner with service-visits:write. */
  submit: { scopes: ['service-visits:write'] },
  /** Any employee (scoped in the service); no partner. */
  satisfaction: {},
});
