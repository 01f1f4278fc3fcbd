import { defineErrors } from '@crm/errors';

export const CheckInErrors = defineErrors({
  CHECK_IN_NOT_OPEN: { status: 409, title: 'Check-in is open on the meeting day only' },
  ALREADY_CHECKED_IN: { status: 409, title: 'The customer is already checked in at this meeting' },
  REFERRER_NOT_FOUND: { status: 422, title: 'The referrer is not a known customer' },
  REFERRER_IS_CUSTOMER: { status: 422, title: 'A customer cannot bring themselves' },
});
