import { Injectable } from '@nestjs/common';
import { isEmployee, isPartner, Principal, Role } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { OwnershipErrors } from '../ownership/ownership.errors';
import { OwnershipService } from '../ownership/ownership.service';
import { EmployeeEntity } from './employee.entity';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationService } from './organisation.service';
import { shareOut } from './share-out';

/**
 * Who takes over a leaving employee's customers: the department's active `EMPLOYEE`s, as for a C-4 transfer. Heads
 * and department members in company-wide roles do not follow customers up.
 */
export const TAKING_OVER_ROLES: readonly Role[] = [Role.EMPLOYEE];

export interface Deactivation {
  employee: EmployeeEntity;
  /** Who took over how many of the employee's customers, fewest-owning colleague first. */
  reassigned: { employeeId: string; customers: number }[];
}

/** The P-2 actor of a change ('employee:<id>', 'partner:<key id>' or 'system'), as the audit trail names it. */
function actorOf(caller: Principal | undefined): string {
  if (isEmployee(caller)) return `employee:${caller.employeeId}`;
  if (isPartner(caller)) return `partner:${caller.keyId}`;
  return 'system';
}

/**
 * POST /employees/{id}/deactivation: the employee leaves. In one transaction: their customers are shared evenly
 * among their department's active employees (share-out.ts), each move written by the ownership writer as a
 * transfer with cause DEACTIVATION (history, audit, `customer.transferred`); then the employee is marked
 * deactivated and their session version raised (`employee.saved`), so their tokens stop working everywhere.
 *
 * Refused, with nothing changed: a head of a department (409 EMPLOYEE_HEADS_DEPARTMENT: appoint another head
 * first), an employee already deactivated (409 EMPLOYEE_DEACTIVATED), an employee whose customers nobody in the
 * department can take (409 NO_ACTIVE_COLLEAGUE). Deactivations in one department happen one at a time (the
 * department row is locked first), so two colleagues leaving at once never hand customers to each other.
 */
@Injectable()
export class DeactivationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: OrganisationRepository,
    private readonly organisation: OrganisationService,
    private readonly ownership: OwnershipService,
    private readonly clock: Clock,
  ) {}

  async deactivate(caller: Principal | undefined, id: string): Promise<Deactivation> {
    const before = await this.organisation.employee(id);
    return this.transactions.run(async (tx) => {
      // Lock order: department, then employee, then their customers (the ownership writer locks the colleagues).
      if (before.departmentId) await this.repo.lockDepartment(tx, before.departmentId);
      const e = await this.repo.lockEmployee(tx, id, 'write');
      if (!e) throw OrganisationErrors.EMPLOYEE_NOT_FOUND(`No employee ${id}`);
      if (e.departmentId !== before.departmentId) throw CommonErrors.CONFLICT(`${e.name} moved to another department meanwhile; try again`);
      if (e.deactivatedAt) throw OwnershipErrors.EMPLOYEE_DEACTIVATED(`${e.name} was deactivated at ${e.deactivatedAt.toISOString()}`);
      const headed = await this.repo.departmentsHeadedBy(tx, id);
      if (headed.length) {
        throw OrganisationErrors.EMPLOYEE_HEADS_DEPARTMENT(`${e.name} heads ${headed.map((d) => d.name).join(', ')}: appoint another head first`, {
          departmentIds: headed.map((d) => d.id),
        });
      }

      const now = this.clock.now();
      const owned = await this.ownership.lockOwnedBy(tx, id);
      let reassigned: Deactivation['reassigned'] = [];
      if (owned.length) {
        const colleagues = e.departmentId ? await this.repo.activeEmployeesOf(tx, e.departmentId, TAKING_OVER_ROLES, id) : [];
        if (!colleagues.length) {
          throw OrganisationErrors.NO_ACTIVE_COLLEAGUE(`${e.name} owns ${owned.length} customers and no other active employee of the department can take them`, {
            customers: owned.length,
          });
        }
        const loads = await this.ownership.ownedCounts(tx, colleagues.map((c) => c.id));
        const shares = shareOut(owned.map((o) => o.customerId), colleagues.map((c) => ({ employeeId: c.id, customers: loads.get(c.id) ?? 0 })));
        const fromOf = new Map(owned.map((o) => [o.customerId, o]));
        const departmentId = e.departmentId!;
        await this.ownership.transfer(
          tx,
          shares.flatMap((s) => s.customerIds.map((customerId) => ({ customerId, from: fromOf.get(customerId)!, to: { ownerId: s.employeeId, departmentId } }))),
          {
            reason: `owner ${e.name} deactivated: customers shared among the department's active employees`,
            cause: 'DEACTIVATION',
            causeId: e.id,
            actor: actorOf(caller),
            actorId: isEmployee(caller) ? caller.employeeId : null,
            at: now,
          },
        );
        reassigned = shares.map((s) => ({ employeeId: s.employeeId, customers: s.customerIds.length }));
      }

      e.deactivatedAt = now;
      e.sessionVersion += 1;
      return { employee: await this.organisation.saveEmployee(tx, e), reassigned };
    });
  }
}
