import { defineErrors } from '@crm/errors';

/**
 * The organisation's error codes; REST and GraphQL show the same code. A deactivated employee is refused with the
 * ownership writer's `EMPLOYEE_DEACTIVATED` (ownership.errors.ts): one code for "this employee has left".
 */
export const OrganisationErrors = defineErrors({
  DEPARTMENT_NOT_FOUND: { status: 404, title: 'Department not found' },
  DEPARTMENT_CODE_EXISTS: { status: 409, title: 'A department with this code already exists' },
  EMPLOYEE_NOT_FOUND: { status: 404, title: 'Employee not found' },
  HEAD_NOT_IN_DEPARTMENT: { status: 422, title: 'The head must be an employee of the department' },
  DEPARTMENT_REQUIRED: { status: 422, title: 'This role needs a department' },
  LOGIN_TAKEN: { status: 409, title: 'Another employee signs in with this login' },
  EMPLOYEE_HEADS_DEPARTMENT: { status: 409, title: 'The employee heads a department: appoint another head first' },
  NO_ACTIVE_COLLEAGUE: { status: 409, title: "No active employee of the department can take over the employee's customers" },
});
