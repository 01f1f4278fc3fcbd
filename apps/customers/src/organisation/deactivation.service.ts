import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { OwnershipErrors } from '../ownership/ownership.errors';
import { EmployeeEntity } from './employee.entity';
import { OrganisationErrors } from './organisation.errors';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationService } from './organisation.service';
import { CustomerHandover, Reassignment } from './customer-handover';

export interface Deactivation {
  employee: EmployeeEntity;
  /** Who took over how many of the employee's customers, fewest-owning colleague first. */
  reassigned: Reassignment[];
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
    private readonly handover: CustomerHandover,
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
      const reassigned = await this.handover.handOver(tx, e, {
        reason: `owner ${e.name} deactivated: customers shared among the department's active employees`,
        cause: 'DEACTIVATION',
        caller,
        at: now,
      });

      e.deactivatedAt = now;
      e.sessionVersion += 1;
      return { employee: await this.organisation.saveEmployee(tx, e), reassigned };
    });
  }
}
