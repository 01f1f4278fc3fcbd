import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventConsumer } from '@crm/events';
import { CustomerOwnerships } from './customer-ownerships.repository';
import type { Ownership } from './ownership-rule';

/** Why an ownership arrived: the customers event that carried it. */
export type OwnershipCause = 'registered' | 'assigned' | 'transferred';

export interface OwnershipChange extends Ownership {
  cause: OwnershipCause;
  /** False when a newer ownership was already known (the event was late): the read model did not change. */
  applied: boolean;
  /** The stage a registration starts in (S-1); only for `registered`. */
  stage?: string;
  /** The customer who brought this one; only for `registered`. */
  referrerId?: string | null;
}

/** A service's follow-up to an ownership event, run in the event's inbox transaction. */
export type OwnershipListener = (manager: EntityManager, change: OwnershipChange) => Promise<void>;

/**
 * Keeps the customer-ownership read model from customers' events. A service that must act when a customer
 * changes hands (service-visits restarts the V-2 window and moves open visits) registers a listener instead of
 * handling the events itself, so the ordering rule stays in one place.
 */
@Injectable()
export class CustomerOwnershipReplica implements OnModuleInit {
  private readonly listeners: OwnershipListener[] = [];

  constructor(
    private readonly consumer: EventConsumer,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  onChange(listener: OwnershipListener): void {
    this.listeners.push(listener);
  }

  onModuleInit(): void {
    const consumer = this.consumer as EventConsumer<'campaigns' | 'rewards' | 'complaints' | 'service-visits'>;
    consumer.on('customer.registered', (e, { manager }) =>
      this.record(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.registeredAt }, 'registered', {
        stage: e.stage,
        referrerId: e.referrerId,
      }),
    );
    consumer.on('customer.assigned', (e, { manager }) =>
      this.record(manager, { customerId: e.customerId, ownerId: e.ownerId, departmentId: e.departmentId, at: e.assignedAt }, 'assigned'),
    );
    consumer.on('customer.transferred', (e, { manager }) =>
      this.record(manager, { customerId: e.customerId, ownerId: e.toOwnerId, departmentId: e.toDepartmentId, at: e.transferredAt }, 'transferred'),
    );
  }

  private async record(manager: EntityManager, ownership: Ownership, cause: OwnershipCause, registration: Pick<OwnershipChange, 'stage' | 'referrerId'> = {}): Promise<void> {
    const applied = await this.ownerships.apply(manager, ownership);
    for (const listener of this.listeners) await listener(manager, { ...ownership, cause, applied, ...registration });
  }
}
