import { defineErrors } from '@crm/errors';

/** Refusals of the service records context (V-1). */
export const ServiceRecordErrors = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 422, title: 'The customer is not known' },
  SERVICE_BY_STAFF_ONLY: { status: 403, title: 'Services are recorded by the employee who gave them' },
  CUSTOMER_NOT_IN_DEPARTMENT: { status: 403, title: "Services are recorded by the customer's owner and the head of the owning department" },
});
