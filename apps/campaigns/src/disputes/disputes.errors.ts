import { defineErrors } from '@crm/errors';

export const DisputeErrors = defineErrors({
  DISPUTE_NOT_FOUND: { status: 404, title: 'Dispute not found' },
  DISPUTE_NEEDS_TWO_DEPARTMENTS: { status: 422, title: 'A dispute is between employees of at least two departments' },
  DISPUTE_ALREADY_RULED: { status: 409, title: 'The dispute is already ruled' },
  DISPUTE_ESCALATED: { status: 403, title: 'An escalated dispute is ruled by the general manager' },
  DISPUTE_NOT_ESCALATED: { status: 409, title: 'The general manager rules disputes the coordinator escalated' },
  AWARD_NEEDS_DEPARTMENT: { status: 422, title: 'An awarded employee comes with the awarded department' },
  AWARD_OUTSIDE_MEETING: { status: 422, title: 'The awarded department does not take part in the meeting (J-11)' },
  AWARDED_EMPLOYEE_NOT_IN_DEPARTMENT: { status: 422, title: 'The awarded employee is not of the awarded department (J-11)' },
  NO_EMPLOYEE_TO_AWARD: { status: 422, title: 'Nobody of the awarded department can be credited: name the employee (J-11)' },
  RULING_BEFORE_MEETING: { status: 409, title: 'Disputes are settled after the meeting, never in front of customers' },
});
