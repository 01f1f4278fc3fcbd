import { Injectable } from '@nestjs/common';
import { isEmployee, Principal, Role } from '@crm/auth';
import { Tx } from '@crm/database';
import { TransferCause } from '@crm/events';
import { actorOf } from '../audit/actor';
import { OwnershipService } from '../ownership/ownership.service';
import { EmployeeEntity } from './employee.entity';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationRepository } from './organisation.repository';
import { shareOut } from './share-out';

/**
 * Who takes over a leaving employee's customers: the department's active `EMPLOYEE`s, as for a C-4 transfer. Heads
 * and department members in company-wide roles do not follow customers up.
 */
export const TAKING_OVER_ROLES: readonly Role[] = [Role.EMPLOYEE];

export interface Reassignment {
  employeeId: string;
  customers: number;
}

/**
 * An employee leaves their department (deactivated, or moved to another one): the customers they own stay with
 * the department and are shared evenly among its active employees (share-out.ts), each move written by the one
 * ownership writer as a transfer (history, audit, `customer.transferred`). Customers belong to a department's
 * care (C-3, C-4, V-2 follow the department), so they do not follow the employee out of it.
 * 409 NO_ACTIVE_COLLEAGUE, with nothing changed, when nobody in the department can take them.
 * The caller holds the department and the employee locked.
 */
@Injectable()
export class CustomerHandover {
  constructor(
    private readonly repo: OrganisationRepository,
    private readonly ownership: OwnershipService,
  ) {}

  async handOver(
    tx: Tx,
    leaving: EmployeeEntity,
    how: { reason: string; cause: TransferCause; caller: Principal | undefined; at: Date },
  ): Promise<Reassignment[]> {
    const owned = await this.ownership.lockOwnedBy(tx, leaving.id);
    if (!owned.length) return [];
    const colleagues = leaving.departmentId ? await this.repo.activeEmployeesOf(tx, leaving.departmentId, TAKING_OVER_ROLES, leaving.id) : [];
    if (!colleagues.length) {
      throw OrganisationErrors.NO_ACTIVE_COLLEAGUE(`${leaving.name} owns ${owned.length} customers and no other active employee of the department can take them`, {
        customers: owned.length,
      });
    }
    const loads = await this.ownership.ownedCounts(tx, colleagues.map((c) => c.id));
    const shares = shareOut(owned.map((o) => o.customerId), colleagues.map((c) => ({ employeeId: c.id, customers: loads.get(c.id) ?? 0 })));
    const fromOf = new Map(owned.map((o) => [o.customerId, o]));
    const departmentId = leaving.departmentId!;
    await this.ownership.transfer(
      tx,
      shares.flatMap((s) => s.customerIds.map((customerId) => ({ customerId, from: fromOf.get(customerId)!, to: { ownerId: s.employeeId, departmentId } }))),
      { reason: how.reason, cause: how.cause, causeId: leaving.id, actor: actorOf(how.caller), actorId: isEmployee(how.caller) ? how.caller.employeeId : null, at: how.at },
    );
    return shares.map((s) => ({ employeeId: s.employeeId, customers: s.customerIds.length }));
  }
}
