import { defineErrors } from '@crm/errors';

/** The customers context's error codes (architecture.md "Errors"); REST and GraphQL show the same code. */
export const CustomerErrors = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, title: 'Customer not found' },
  CUSTOMER_PHONE_EXISTS: { status: 409, title: 'A customer with this phone already exists' },
  INVALID_PHONE: { status: 400, title: 'Not a mainland China mobile number' },
  OWNER_NOT_FOUND: { status: 422, title: 'The owner is not a known employee' },
  OWNER_NOT_IN_DEPARTMENT: { status: 403, title: 'The owner must be an employee of your department' },
  OWNER_HAS_NO_DEPARTMENT: { status: 422, title: 'The owner belongs to no department' },
  REFERRER_NOT_FOUND: { status: 422, title: 'The referrer is not a known customer' },
  CUSTOMER_NOT_EDITABLE: { status: 403, title: 'You may not change this customer' },
  TRANSFER_TO_SAME_OWNER: { status: 409, title: 'The customer already belongs to this employee' },
});

export const OrganisationErrors = defineErrors({
  DEPARTMENT_NOT_FOUND: { status: 404, title: 'Department not found' },
  DEPARTMENT_CODE_EXISTS: { status: 409, title: 'A department with this code already exists' },
  EMPLOYEE_NOT_FOUND: { status: 404, title: 'Employee not found' },
  HEAD_NOT_IN_DEPARTMENT: { status: 422, title: 'The head must be an employee of the department' },
  DEPARTMENT_REQUIRED: { status: 422, title: 'This role needs a department' },
});
