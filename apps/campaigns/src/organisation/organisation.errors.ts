import { defineErrors } from '@crm/errors';

/** References to the organisation a request names in its body (the copy kept from customers' events). */
export const OrganisationErrors = defineErrors({
  DEPARTMENT_NOT_FOUND: { status: 422, title: 'The department is not known' },
  EMPLOYEE_NOT_FOUND: { status: 422, title: 'The employee is not known' },
  NOT_YOUR_DEPARTMENT: { status: 403, title: 'You may act only for your own department' },
});
