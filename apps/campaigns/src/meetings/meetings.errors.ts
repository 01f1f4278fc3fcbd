import { defineErrors } from '@crm/errors';

export const MeetingErrors = defineErrors({
  MEETING_NOT_FOUND: { status: 404, title: 'Meeting not found' },
  MEETING_DATE_IN_PAST: { status: 422, title: 'A meeting is planned for today or later' },
});
