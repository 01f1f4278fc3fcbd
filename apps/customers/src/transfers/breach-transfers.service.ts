import { Injectable, Logger } from '@nestjs/common';
import type { Tx } from '@crm/database';
import { ComplaintBreached } from '@crm/events';
import { CustomerEntity } from '../customers/customer.entity';
import { CustomersService } from '../customers/customers.service';
import { OwnershipService } from '../ownership/ownership.service';
import { pickEmployee, rankDepartments } from './breach-target';
import { TransfersRepository } from './transfers.repository';

/**
 * C-4: a complaint not resolved in time moves the customer to an employee of another department. Runs in the
 * `complaint.breached` event's inbox transaction, so a redelivered event transfers nobody twice; the history
 * says which complaint moved whom, so the same complaint published again moves nobody either.
 */
@Injectable()
export class BreachTransfersService {
  private readonly log = new Logger('BreachTransfers');

  constructor(
    private readonly transfers: TransfersRepository,
    private readonly ownership: OwnershipService,
    private readonly customers: CustomersService,
  ) {}

  /**
   * Always away from the department that owned the customer when the complaint was filed (not the employee's,
   * which may be another), even if the customer has moved since; the
   * customer's current owner never receives them back. Answers the customer as transferred, or null when
   * nobody may receive them (no other department with serving employees) or this complaint moved them already.
   */
  async transferOnBreach(breach: ComplaintBreached, tx: Tx): Promise<CustomerEntity | null> {
    const owner = await this.ownership.lock(tx, breach.customerId);
    if (!owner) {
      this.log.warn(`complaint ${breach.complaintId} breached for unknown customer ${breach.customerId}; nothing to transfer`);
      return null;
    }
    if (await this.ownership.movedFor(tx, breach.customerId, 'COMPLAINT_BREACH', breach.complaintId)) return null;
    // C-4: away from the department that owned the customer at filing; events from before it was carried name
    // only the employee's department, which then stands in for it.
    const owningDepartmentId = breach.customerDepartmentId ?? breach.departmentId;
    for (const department of rankDepartments(await this.transfers.departmentLoads(tx, owningDepartmentId))) {
      const employee = pickEmployee(await this.transfers.employeeLoads(tx, department.departmentId), owner.ownerId);
      if (!employee) continue;
      return this.customers.transfer(
        {
          customerId: breach.customerId,
          toEmployeeId: employee.employeeId,
          reason: `complaint ${breach.complaintId} not resolved by its deadline ${breach.dueAt} (C-4)`,
          cause: 'COMPLAINT_BREACH',
          causeId: breach.complaintId,
          actorId: null,
        },
        'system',
        tx,
      );
    }
    this.log.warn(`complaint ${breach.complaintId}: no other department has an employee to take customer ${breach.customerId} (C-4)`);
    return null;
  }
}
