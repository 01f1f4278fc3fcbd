import { defineErrors } from '@crm/errors';

/** Refusals of J-2, J-4 and J-6 (the first three are public error codes, docs/api/partners.md). */
export const InvitationErrors = defineErrors({
  INVITATION_LOCKED_BY_OTHER_DEPARTMENT: { status: 409, title: 'Another department holds this customer for the meeting' },
  SPEAKER_RESERVED_BY_OTHER_DEPARTMENT: { status: 409, title: 'Another department lined this customer up to speak at the meeting (J-12)' },
  CUSTOMER_NOT_IN_DEPARTMENT: { status: 403, title: 'Your department may not invite this customer to this meeting' },
  MEETING_CONFIRMATIONS_CLOSED: { status: 409, title: 'The meeting takes no more invitations or confirmations' },
  INVITATION_NOT_FOUND: { status: 404, title: 'Invitation not found' },
  CUSTOMER_NOT_FOUND: { status: 422, title: 'The customer is not known' },
  DEPARTMENT_NOT_IN_MEETING: { status: 403, title: 'Your department does not take part in this meeting' },
  ALREADY_INVITED: { status: 409, title: 'Your department already invited this customer to this meeting' },
  NOT_YOUR_INVITATION: { status: 403, title: 'Only the inviting employee or their head may confirm' },
});
