import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import { DomainEvent, OutboxWriter, TransferCause } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditRepository } from '../audit/audit.repository';
import { chunks } from '../support/chunks';
import { HistoryRepository } from '../history/history.repository';
import { OwnershipErrors } from './ownership.errors';
import { Owner, OwnershipRepository } from './ownership.repository';

/** A change of owner: the customer, the owner it had and the one it gets. */
export interface OwnerMove {
  customerId: string;
  from: Owner;
  to: Owner;
}

/** Who acted and when, common to one write. */
interface Acting {
  /** The P-2 actor: 'employee:<id>', 'partner:<key id>' or 'system'. */
  actor: string;
  /** The deciding employee, null when a rule decided. */
  actorId: string | null;
  at: Date;
}

/** How a customer got its first owner: its registration, or an archive batch held by a department head (O-2). */
export interface FirstOwnership {
  cause: string;
  causeCode: 'REGISTRATION' | 'ARCHIVE';
  causeId: string | null;
  actorId: string | null;
  at: Date;
}

/** A transfer's reason (shown in history and the event), its kind and the record behind it (a complaint). */
export interface TransferCauseOf extends Acting {
  reason: string;
  cause: TransferCause;
  causeId: string | null;
}

/**
 * The one writer of ownership: every change of a customer's owner (first owner, O-4 allocation, a director's
 * transfer, C-4 and V-2 transfers) goes through here, in the caller's transaction, and writes together the
 * owner on the customer row, the history (S-3), the audit (P-2) and the event. Set-based: a batch of
 * customers takes a few statements per thousand, never one per customer. A deactivated employee never becomes an
 * owner here, whoever asks (409 EMPLOYEE_DEACTIVATED): the callers pick active employees, and this is the check
 * that holds under concurrency (the new owners' rows stay locked until the caller commits).
 */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly ownership: OwnershipRepository,
    private readonly history: HistoryRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Locks the customer's row and answers its owner, null for an unknown customer. */
  lock(tx: Tx, customerId: string): Promise<Owner | null> {
    return this.ownership.lock(tx, customerId);
  }

  /** The customers an employee owns, locked for a change of owner (a deactivation shares them out). */
  lockOwnedBy(tx: Tx, ownerId: string): Promise<({ customerId: string } & Owner)[]> {
    return this.ownership.lockOwnedBy(tx, ownerId);
  }

  /** How many customers each employee owns now (in the caller's transaction). */
  ownedCounts(tx: Tx, ownerIds: readonly string[]): Promise<Map<string, number>> {
    return this.ownership.ownedCounts(tx, ownerIds);
  }

  /** Whether the customer was already moved for this cause (a complaint breached twice moves it once). */
  movedFor(tx: Tx, customerId: string, cause: TransferCause, causeId: string): Promise<boolean> {
    return this.history.ownerChangedFor(tx, customerId, cause, causeId);
  }

  /**
   * The first owners of new customers (the rows were inserted with them): history and `customer.assigned`.
   * Registration is not an ownership change the audit records.
   */
  async recordFirstOwners(tx: Tx, customers: readonly ({ customerId: string } & Owner)[], how: FirstOwnership): Promise<void> {
    await this.refuseDeactivated(tx, customers);
    for (const chunk of chunks(customers)) {
      await this.history.insertOwnerChanges(
        tx,
        chunk.map((c) => ({ customerId: c.customerId, fromValue: null, toValue: c.ownerId })),
        { cause: how.cause, causeCode: how.causeCode, causeId: how.causeId, actorId: how.actorId, at: how.at },
      );
      await this.outbox.append(tx, chunk.map((c) => this.assigned({ customerId: c.customerId, from: null, to: c }, null, how.actorId, how.at)));
    }
  }

  /** O-4: the customers of an allocated archive batch go to their employees (`customer.assigned` each). */
  async allocate(tx: Tx, moves: readonly OwnerMove[], how: Acting & { allocationId: string }): Promise<void> {
    await this.refuseDeactivated(tx, moves.map((m) => m.to));
    const cause = `allocation of batch ${how.allocationId}`;
    for (const chunk of chunks(moves)) {
      await this.ownership.setOwners(tx, chunk.map((m) => ({ customerId: m.customerId, ...m.to })), how.at);
      const changed = chunk.filter((m) => m.from.ownerId !== m.to.ownerId);
      await this.history.insertOwnerChanges(
        tx,
        changed.map((m) => ({ customerId: m.customerId, fromValue: m.from.ownerId, toValue: m.to.ownerId })),
        { cause, causeCode: 'ALLOCATION', causeId: how.allocationId, actorId: how.actorId, at: how.at },
      );
      await this.audit.insertForCustomers(
        tx,
        changed.map((m) => ({ subjectId: m.customerId, detail: { from: m.from.ownerId, to: m.to.ownerId, cause: 'ALLOCATION', causeId: how.allocationId } })),
        { actor: how.actor, action: AuditAction.OWNER_CHANGED, at: how.at },
      );
      await this.outbox.append(tx, chunk.map((m) => this.assigned(m, how.allocationId, how.actorId, how.at)));
    }
  }

  /** Transfers (a director's decision, C-4, V-2): `customer.transferred` each. */
  async transfer(tx: Tx, moves: readonly OwnerMove[], how: TransferCauseOf): Promise<void> {
    await this.refuseDeactivated(tx, moves.map((m) => m.to));
    for (const chunk of chunks(moves)) {
      await this.ownership.setOwners(tx, chunk.map((m) => ({ customerId: m.customerId, ...m.to })), how.at);
      await this.history.insertOwnerChanges(
        tx,
        chunk.map((m) => ({ customerId: m.customerId, fromValue: m.from.ownerId, toValue: m.to.ownerId })),
        { cause: how.reason, causeCode: how.cause, causeId: how.causeId, actorId: how.actorId, at: how.at },
      );
      await this.audit.insertForCustomers(
        tx,
        chunk.map((m) => ({ subjectId: m.customerId, detail: { from: m.from.ownerId, to: m.to.ownerId, cause: how.cause, causeId: how.causeId } })),
        { actor: how.actor, action: AuditAction.OWNER_CHANGED, at: how.at },
      );
      await this.outbox.append(
        tx,
        chunk.map((m) => ({
          name: 'customer.transferred' as const,
          payload: {
            customerId: m.customerId,
            fromOwnerId: m.from.ownerId,
            fromDepartmentId: m.from.departmentId,
            toOwnerId: m.to.ownerId,
            toDepartmentId: m.to.departmentId,
            reason: how.reason,
            cause: how.cause,
            causeId: how.causeId,
            transferredBy: how.actorId,
            transferredAt: how.at.toISOString(),
          },
        })),
      );
    }
  }

  /** 409 EMPLOYEE_DEACTIVATED when any new owner has left; their rows stay locked (FOR SHARE) until commit. */
  private async refuseDeactivated(tx: Tx, owners: readonly Owner[]): Promise<void> {
    const deactivated = await this.ownership.deactivatedAmong(tx, owners.map((o) => o.ownerId));
    if (deactivated.length) {
      throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`Deactivated employees own no customers: ${deactivated.join(', ')}`, { employeeIds: deactivated });
    }
  }

  private assigned(move: { customerId: string; from: Owner | null; to: Owner }, allocationId: string | null, by: string | null, at: Date): DomainEvent<'customer.assigned'> {
    return {
      name: 'customer.assigned',
      payload: {
        customerId: move.customerId,
        ownerId: move.to.ownerId,
        departmentId: move.to.departmentId,
        previousOwnerId: move.from?.ownerId ?? null,
        previousDepartmentId: move.from?.departmentId ?? null,
        allocationId,
        assignedBy: by,
        assignedAt: at.toISOString(),
      },
    };
  }
}
