import { defineEvent } from './define-event';
import type { CustomerSource, CustomerStage, IsoInstant, Uuid } from './domain-types';

/*
 * Events of the customers service. Other services keep a small read model of each customer (owner, owning
 * department, stage) for their own rules, e.g. campaigns checks J-2 invitations against the owner. Personal
 * data (name, phone, address, readings) never travels: other services resolve it through federation when a
 * caller may see it (P-1).
 */

export interface CustomerRegistered {
  customerId: Uuid;
  ownerId: Uuid;
  departmentId: Uuid;
  referrerId: Uuid | null;
  source: CustomerSource;
  /** Set when the customer came from an outreach event's archives (O-2). */
  outreachEventId: Uuid | null;
  stage: CustomerStage;
  registeredAt: IsoInstant;
}

export const customerRegistered = defineEvent<CustomerRegistered>()({
  name: 'customer.registered',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description: 'A new customer exists, with its first owner (O-2, POST /customers).',
});

export type CustomerField = 'name' | 'phone' | 'gender' | 'birthDate' | 'address' | 'source' | 'referrerId';

export interface CustomerUpdated {
  customerId: Uuid;
  /** Which fields changed; the values stay in customers (personal data, P-1). */
  changed: CustomerField[];
  referrerId: Uuid | null;
  updatedAt: IsoInstant;
}

export const customerUpdated = defineEvent<CustomerUpdated>()({
  name: 'customer.updated',
  version: 1,
  producers: ['customers'],
  // No service keeps these fields: referrers travel on meeting.attended and sale.recorded. Published so a
  // future read model needs no change in the producer.
  consumers: [],
  description: 'A customer archive changed (PATCH /customers/{id}); names the fields, not their values.',
});

export interface CustomerAssigned {
  customerId: Uuid;
  ownerId: Uuid;
  departmentId: Uuid;
  /** The owner before, null when this is the first owner of an archive entered without one. */
  previousOwnerId: Uuid | null;
  previousDepartmentId: Uuid | null;
  /** The O-4 allocation that made the assignment, null when set at registration. */
  allocationId: Uuid | null;
  assignedBy: Uuid | null;
  assignedAt: IsoInstant;
}

export const customerAssigned = defineEvent<CustomerAssigned>()({
  name: 'customer.assigned',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description: 'A customer got an owner by allocation (O-4) or at registration.',
});

/** `DEACTIVATION`: the owner left (POST /employees/{id}/deactivation) and their customers were shared out. */
export type TransferCause = 'MANUAL' | 'COMPLAINT_BREACH' | 'UNDER_SERVED' | 'DEACTIVATION' | 'DEPARTMENT_MOVE';

export interface CustomerTransferred {
  customerId: Uuid;
  fromOwnerId: Uuid;
  fromDepartmentId: Uuid;
  toOwnerId: Uuid;
  toDepartmentId: Uuid;
  reason: string;
  /** Why: a resource director's decision (V-2), a C-4 breach, the under-served rule, the owner's deactivation or move to another department. */
  cause: TransferCause;
  /** The complaint id for COMPLAINT_BREACH, the report for UNDER_SERVED, the employee for DEACTIVATION and DEPARTMENT_MOVE, else null. */
  causeId: Uuid | null;
  /** Employee who decided, null when a rule did. */
  transferredBy: Uuid | null;
  transferredAt: IsoInstant;
}

export const customerTransferred = defineEvent<CustomerTransferred>()({
  name: 'customer.transferred',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description: 'A customer changed owner (POST /customers/{id}/transfer, C-4, V-2, an owner deactivated).',
});

export interface CustomerStageChanged {
  customerId: Uuid;
  ownerId: Uuid;
  departmentId: Uuid;
  from: CustomerStage;
  to: CustomerStage;
  /** What triggered the recomputation (S-3), e.g. `sale.recorded:<event id>` or `sweep:classification`. */
  cause: string;
  changedAt: IsoInstant;
}

export const customerStageChanged = defineEvent<CustomerStageChanged>()({
  name: 'customer.stage_changed',
  version: 1,
  producers: ['customers'],
  consumers: ['service-visits'],
  description: 'A customer moved between S-1 stages; service-visits plans return visits by stage (V-3).',
});

/** What a customer's name, and any free text about them that a service keeps, reads once erased (P-3). */
export const ERASED_TEXT = '已删除';

export interface CustomerErased {
  customerId: Uuid;
  /** Who asked for it, as audit lines name actors (`employee:<id>`). The reason stays in customers' audit. */
  erasedBy: string;
  erasedAt: IsoInstant;
}

export const customerErased = defineEvent<CustomerErased>()({
  name: 'customer.erased',
  version: 1,
  producers: ['customers'],
  consumers: ['campaigns', 'rewards', 'complaints', 'service-visits'],
  description:
    "P-3: the customer's personal data was erased in customers; every service removes or anonymises what it holds of them (notes, readings, comments, descriptions), keeping ledgers, fines and sales with their amounts under the id.",
});
