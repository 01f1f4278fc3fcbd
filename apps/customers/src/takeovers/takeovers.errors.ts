import { defineErrors } from '@crm/errors';

/** The takeover reports' error codes (V-2); REST and GraphQL show the same code. */
export const TakeoverErrors = defineErrors({
  TAKEOVER_REPORT_NOT_FOUND: { status: 404, title: 'Takeover report not found' },
  TAKEOVER_ALREADY_DECIDED: { status: 409, title: 'The takeover report was already decided' },
  TAKEOVER_CUSTOMER_MOVED: { status: 409, title: 'The customer no longer belongs to the department that was reported' },
});
