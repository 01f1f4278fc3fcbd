import { defineErrors } from '@crm/errors';

/** The organisation's error codes; REST and GraphQL show the same code. */
export const OrganisationErrors = defineErrors({
  DEPARTMENT_NOT_FOUND: { status: 404, title: 'Department not found' },
  DEPARTMENT_CODE_EXISTS: { status: 409, title: 'A department with this code already exists' },
  EMPLOYEE_NOT_FOUND: { status: 404, title: 'Employee not found' },
  HEAD_NOT_IN_DEPARTMENT: { status: 422, title: 'The head must be an employee of the department' },
  DEPARTMENT_REQUIRED: { status: 422, title: 'This role needs a department' },
});
