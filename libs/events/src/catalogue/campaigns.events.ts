import { defineEvent } from './define-event';
import type { BusinessDate, Fen, IsoInstant, MeetingSlot, Uuid } from './domain-types';

/* Events of the campaigns service: outreach events, meetings, check-ins and sales (O-1, J-1..J-11). */

export interface OutreachRecorded {
  outreachEventId: Uuid;
  departmentId: Uuid;
  date: BusinessDate;
  /** The employees who took part: the archives collected there are divided among them (O-4). */
  participantIds: Uuid[];
  recordedAt: IsoInstant;
}

export const outreachRecorded = defineEvent<OutreachRecorded>()({
  name: 'outreach.recorded',
  version: 1,
  producers: ['campaigns'],
  consumers: ['customers'],
  description: 'An outreach event (O-1) took place; customers allocates its archives among the participants.',
});

export interface MeetingAttended {
  meetingId: Uuid;
  meetingDate: BusinessDate;
  slot: MeetingSlot;
  customerId: Uuid;
  attendedAt: IsoInstant;
  /** The customer's first attended meeting ever: R-1 credits the referrer only then. */
  firstAttendance: boolean;
  /** The existing customer who brought them (J-9), if any. */
  referrerId: Uuid | null;
  /** The department holding the customer's invitation (J-10), null for a walk-in without one. */
  departmentId: Uuid | null;
  invitationId: Uuid | null;
}

export const meetingAttended = defineEvent<MeetingAttended>()({
  name: 'meeting.attended',
  version: 1,
  producers: ['campaigns'],
  consumers: ['customers', 'rewards', 'service-visits'],
  description: 'A customer checked in at a meeting (J-9): feeds S-1 churn, R-1 referral points and V-2.',
});

export interface SaleRecorded {
  saleId: Uuid;
  meetingId: Uuid;
  customerId: Uuid;
  amountFen: Fen;
  /** Who holds the customer's invitation (J-10). */
  creditedEmployeeId: Uuid;
  creditedDepartmentId: Uuid;
  /** The customer's referrer at that meeting, for R-2 points. */
  referrerId: Uuid | null;
  soldAt: IsoInstant;
}

export const saleRecorded = defineEvent<SaleRecorded>()({
  name: 'sale.recorded',
  version: 1,
  producers: ['campaigns'],
  consumers: ['customers', 'rewards'],
  description: 'A sale at a meeting (J-10): classification (S-1, S-2) and referral points (R-2).',
});

export interface SaleRefunded {
  refundId: Uuid;
  saleId: Uuid;
  meetingId: Uuid;
  customerId: Uuid;
  /** This refund's amount (a sale may be refunded in parts). */
  amountFen: Fen;
  refundedAt: IsoInstant;
}

export const saleRefunded = defineEvent<SaleRefunded>()({
  name: 'sale.refunded',
  version: 1,
  producers: ['campaigns'],
  consumers: ['customers', 'rewards'],
  description: 'All or part of a sale was refunded: spend drops (S-2) and R-2 points are reversed.',
});

export interface TakeoverReported {
  /** The invitation that reported it: one report per invitation. */
  invitationId: Uuid;
  meetingId: Uuid;
  customerId: Uuid;
  /** The owner and department the customer had when invited (the under-served customer's owning department). */
  ownerId: Uuid;
  departmentId: Uuid;
  reportingEmployeeId: Uuid;
  reportingDepartmentId: Uuid;
  reportedAt: IsoInstant;
}

export const takeoverReported = defineEvent<TakeoverReported>()({
  name: 'takeover.reported',
  version: 1,
  producers: ['campaigns'],
  consumers: ['customers'],
  description:
    "V-2: an employee invited another department's under-served customer; the resource director decides whether the customer moves to them.",
});

export interface SaleCreditMoved {
  saleId: Uuid;
  meetingId: Uuid;
  customerId: Uuid;
  amountFen: Fen;
  /** What refunds had taken back when the credit moved. */
  refundedFen: Fen;
  fromEmployeeId: Uuid;
  fromDepartmentId: Uuid;
  toEmployeeId: Uuid;
  toDepartmentId: Uuid;
  /** The J-11 dispute whose ruling moved it. */
  disputeId: Uuid;
  movedAt: IsoInstant;
}

export const saleCreditMoved = defineEvent<SaleCreditMoved>()({
  name: 'sale.credit_moved',
  version: 1,
  producers: ['campaigns'],
  consumers: [],
  description:
    "J-11: a ruling awarded the disputed customer to another department (and employee): the credit of the customer's sales at that meeting moved to the award.",
});
