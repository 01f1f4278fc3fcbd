import { defineErrors } from '@crm/errors';

/** Staff fines. */
export const FineErrors = defineErrors({
  FINES_NOT_VISIBLE: { status: 403, title: 'Fines are seen by the employee, their department head, the general manager and admins' },
  FINE_PERIOD_INVALID: { status: 400, title: 'The period is not valid' },
});
