import { defineEvent } from './define-event';
import type { IsoInstant, Uuid } from './domain-types';

/* Events of the service-visits service: the V-2 adequacy verdict, published when it flips. */

export interface CustomerUnderServed {
  customerId: Uuid;
  ownerId: Uuid;
  departmentId: Uuid;
  /** The last meeting attendance or owner-department home visit, null if there never was one. */
  lastServedAt: IsoInstant | null;
  /** When the sweep found it (the window is 90 days before this, configurable). */
  detectedAt: IsoInstant;
}

export const customerUnderServed = defineEvent<CustomerUnderServed>()({
  name: 'customer.under_served',
  version: 1,
  producers: ['service-visits'],
  consumers: ['customers', 'campaigns'],
  description:
    'V-2: no meeting and no home visit from the owning department in the window; other departments may invite.',
});

export interface CustomerServed {
  customerId: Uuid;
  ownerId: Uuid;
  departmentId: Uuid;
  /**
   * The attendance, owner-department home visit or new assignment that ended the under-served state; never
   * before the detectedAt it clears (an attendance may be delivered after the sweep), so the newer verdict wins.
   */
  servedAt: IsoInstant;
}

export const customerServed = defineEvent<CustomerServed>()({
  name: 'customer.served',
  version: 1,
  producers: ['service-visits'],
  consumers: ['customers', 'campaigns'],
  description:
    'V-2: an under-served customer was served again; only their owning department may invite them.',
});

export interface PersonalDataRead {
  /** Whose data was shown. */
  customerIds: Uuid[];
  /** What was shown in full: health readings (P-1 sensitive data). */
  data: 'HEALTH_READINGS';
  /** The P-2 actor, as every audit line names it: `employee:<id>` or `partner:<key id>`. */
  actor: string;
  actorId: Uuid | null;
  readAt: IsoInstant;
}

export const personalDataRead = defineEvent<PersonalDataRead>()({
  name: 'personal_data.read',
  version: 1,
  producers: ['service-visits'],
  consumers: ['customers'],
  description: 'P-2: health readings were shown in full to a caller; customers keeps the one audit trail (GET /api/v1/audit).',
});
