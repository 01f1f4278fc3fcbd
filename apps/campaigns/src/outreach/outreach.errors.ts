import { defineErrors } from '@crm/errors';

export const OutreachErrors = defineErrors({
  OUTREACH_EVENT_NOT_FOUND: { status: 404, title: 'Outreach event not found' },
  OUTREACH_DATE_IN_FUTURE: { status: 422, title: 'An outreach event is recorded once it has taken place' },
  PARTICIPANT_NOT_IN_DEPARTMENT: { status: 422, title: 'Every participant must be an employee of the organising department' },
});
