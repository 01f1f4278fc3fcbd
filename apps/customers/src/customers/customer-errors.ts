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
  CUSTOMER_ALREADY_ERASED: { status: 409, title: "The customer's personal data was already erased" },
  CUSTOMER_NOT_UNDER_SERVED: { status: 409, title: 'Only an under-served customer may be reassigned by the general manager' },
});
