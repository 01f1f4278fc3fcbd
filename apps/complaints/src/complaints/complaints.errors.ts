import { defineErrors } from '@crm/errors';

/** Complaints (C-1..C-5). */
export const ComplaintErrors = defineErrors({
  COMPLAINT_NOT_FOUND: { status: 404, title: 'No such complaint' },
  COMPLAINT_NOT_VISIBLE: { status: 403, title: 'Complaints are seen by the employee concerned, their head, the general manager and the coordinator' },
  COMPLAINT_FILING_NOT_ALLOWED: { status: 403, title: 'You may not file this complaint' },
  CUSTOMER_NOT_FOUND: { status: 422, title: 'The customer is not known' },
  EMPLOYEE_NOT_FOUND: { status: 422, title: 'The employee is not known' },
  EMPLOYEE_HAS_NO_DEPARTMENT: { status: 422, title: 'The employee belongs to no department' },
  SELF_RESOLUTION_FORBIDDEN: { status: 403, title: 'The employee a complaint names may record what they did, but someone else marks it resolved (C-5)' },
  COMPLAINT_ALREADY_RESOLVED: { status: 409, title: 'The complaint is resolved already' },
  COMPLAINT_NOT_RESOLVED: { status: 409, title: 'Only a resolved complaint can be reopened' },
  COMPLAINT_ALREADY_REOPENED: { status: 409, title: 'A complaint is reopened at most once' },
});
