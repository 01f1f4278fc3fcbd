import { defineEvent } from './define-event';
import type { ComplaintCause, ComplaintChannel, IsoInstant, Uuid } from './domain-types';

/* Events of the complaints service (C-1..C-5). */

export interface ComplaintFiled {
  complaintId: Uuid;
  customerId: Uuid;
  employeeId: Uuid;
  departmentId: Uuid;
  cause: ComplaintCause;
  channel: ComplaintChannel;
  filedAt: IsoInstant;
  /** When C-4 breaches it if still open. */
  dueAt: IsoInstant;
}

export const complaintFiled = defineEvent<ComplaintFiled>()({
  name: 'complaint.filed',
  version: 1,
  producers: ['complaints'],
  consumers: ['customers'],
  description: 'A complaint was filed (C-1): the customer becomes PROBLEM (S-1).',
});

export interface ComplaintResolved {
  complaintId: Uuid;
  customerId: Uuid;
  employeeId: Uuid;
  departmentId: Uuid;
  resolvedBy: Uuid;
  resolvedAt: IsoInstant;
}

export const complaintResolved = defineEvent<ComplaintResolved>()({
  name: 'complaint.resolved',
  version: 1,
  producers: ['complaints'],
  consumers: ['customers', 'service-visits'],
  description: 'A complaint was resolved (C-5): S-1 counts 30 days from here; V-3 plans a return visit.',
});

export interface ComplaintReopened {
  complaintId: Uuid;
  customerId: Uuid;
  employeeId: Uuid;
  departmentId: Uuid;
  reopenedBy: Uuid | null;
  reopenedAt: IsoInstant;
  /** The original due time (C-4): a reopening never restarts the clock. */
  dueAt: IsoInstant;
}

export const complaintReopened = defineEvent<ComplaintReopened>()({
  name: 'complaint.reopened',
  version: 1,
  producers: ['complaints'],
  consumers: ['customers'],
  description: 'A resolved complaint was reopened (allowed once, C-5): the customer is PROBLEM again (S-1).',
});

export interface ComplaintBreached {
  complaintId: Uuid;
  customerId: Uuid;
  /** The employee concerned and their department (C-1). */
  employeeId: Uuid;
  departmentId: Uuid;
  /**
   * The department that owned the customer when the complaint was filed (C-3, C-4): the customer moves to a
   * department other than this one. Absent from events written before it was carried: then `departmentId`.
   */
  customerDepartmentId?: Uuid;
  filedAt: IsoInstant;
  /** The deadline that passed (filing + the configured SLA hours): consumers quote it, never assume 72 hours. */
  dueAt: IsoInstant;
  breachedAt: IsoInstant;
}

export const complaintBreached = defineEvent<ComplaintBreached>()({
  name: 'complaint.breached',
  version: 1,
  producers: ['complaints'],
  consumers: ['customers'],
  description:
    'A complaint stayed open past its SLA (C-4): customers transfers the customer to another department.',
});
