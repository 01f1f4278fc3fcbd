import { defineErrors } from '@crm/errors';

export const DisputeErrors = defineErrors({
  DISPUTE_NOT_FOUND: { status: 404, title: 'Dispute not found' },
  DISPUTE_NEEDS_TWO_DEPARTMENTS: { status: 422, title: 'A dispute is between employees of at least two departments' },
  DISPUTE_ALREADY_RULED: { status: 409, title: 'The dispute is already ruled' },
  DISPUTE_ESCALATED: { status: 403, title: 'An escalated dispute is ruled by the general manager' },
  DISPUTE_NOT_ESCALATED: { status: 409, title: 'The general manager rules disputes the coordinator escalated' },
  RULING_BEFORE_MEETING: { status: 409, title: 'Disputes are settled after the meeting, never in front of customers' },
});
