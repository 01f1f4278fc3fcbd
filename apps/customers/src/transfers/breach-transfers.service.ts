import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintBreached, EventConsumer } from '@crm/events';
import { CustomerEntity } from '../customers/customer.entity';
import { CustomersRepository } from '../customers/customers.repository';
import { CustomersService } from '../customers/customers.service';
import { pickEmployee, rankDepartments } from './breach-target';
import { TransfersRepository } from './transfers.repository';

/**
 * C-4: a complaint not resolved in time moves the customer to an employee of another department. Runs in the
 * `complaint.breached` event's inbox transaction, so a redelivered event transfers nobody twice.
 */
@Injectable()
export class BreachTransfersService implements OnModuleInit {
  private readonly log = new Logger('BreachTransfers');

  constructor(
    private readonly consumer: EventConsumer<'customers'>,
    private readonly transfers: TransfersRepository,
    private readonly customers: CustomersRepository,
    private readonly customersService: CustomersService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('complaint.breached', (breach, ctx) => this.transferOnBreach(breach, ctx.manager).then(() => undefined));
  }

  /**
   * Always away from the department of the breached complaint, even if the customer has moved since; the
   * customer's current owner never receives them back. Answers the customer as transferred, or null when
   * nobody may receive them (no other department with serving employees) or this complaint moved them already.
   */
  async transferOnBreach(breach: ComplaintBreached, manager: EntityManager): Promise<CustomerEntity | null> {
    const customer = await this.customers.findByIdForUpdate(breach.customerId, manager);
    if (!customer) {
      this.log.warn(`complaint ${breach.complaintId} breached for unknown customer ${breach.customerId}; nothing to transfer`);
      return null;
    }
    if (await this.transfers.alreadyTransferredFor(manager, customer.id, breach.complaintId)) return null;
    for (const department of rankDepartments(await this.transfers.departmentLoads(manager, breach.departmentId))) {
      const employee = pickEmployee(await this.transfers.employeeLoads(manager, department.departmentId), customer.ownerId);
      if (!employee) continue;
      return this.customersService.transfer(
        {
          customerId: customer.id,
          toEmployeeId: employee.employeeId,
          reason: `complaint ${breach.complaintId} not resolved by its deadline ${breach.dueAt} (C-4)`,
          cause: 'COMPLAINT_BREACH',
          causeId: breach.complaintId,
          actorId: null,
        },
        'system',
        manager,
      );
    }
    this.log.warn(`complaint ${breach.complaintId}: no other department has an employee to take customer ${customer.id} (C-4)`);
    return null;
  }
}
