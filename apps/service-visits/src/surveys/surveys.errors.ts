import { defineErrors } from '@crm/errors';

/** Refusals of the surveys context (V-4). */
export const SurveyErrors = defineErrors({
  SURVEY_INVALID: { status: 400, title: 'The survey answer is not valid' },
  CUSTOMER_NOT_IN_DEPARTMENT: { status: 403, title: "Department staff take surveys of their department's customers only: the owner and the owning head" },
  SURVEY_SUBJECT_NOT_FOUND: { status: 422, title: 'No such visit or complaint resolution of this customer' },
  SURVEY_ALREADY_SUBMITTED: { status: 409, title: 'This visit or resolution already has its survey' },
  PERIOD_INVALID: { status: 400, title: 'The period is not valid' },
});
