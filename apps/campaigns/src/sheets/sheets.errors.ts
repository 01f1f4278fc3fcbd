import { defineErrors } from '@crm/errors';

export const SheetErrors = defineErrors({
  SHEETS_ONLY_FOR_JOINT_MEETINGS: { status: 422, title: 'Daily sheets are kept for joint meetings only (J-3)' },
  DEPARTMENT_NOT_IN_MEETING: { status: 422, title: 'The department does not take part in this meeting' },
  SHEET_WINDOW_NOT_OPEN: { status: 422, title: 'The submission window of this meeting has not opened yet (J-3)' },
  SPEAKER_NOT_ON_SHEET: { status: 422, title: 'A speaker is one of the customers the sheet lists (J-12)' },
  SHEET_LISTS_UNCONFIRMED: { status: 422, title: 'A sheet lists only the department\'s confirmed invitations (J-3)' },
  PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT: { status: 422, title: 'The first department of the meeting plans no invitations (J-3)' },
  INVALID_DAY: { status: 400, title: 'day must be a date YYYY-MM-DD' },
});
