import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock } from '@crm/clock';
import { Transactions } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { ERASED_TEXT, OutboxWriter } from '@crm/events';
import { AuditAction } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { CustomerErrors } from '../customers/customer-errors';
import { CustomersRepository } from '../customers/customers.repository';
import { actorOf } from '../audit/actor';
import { HistoryService } from '../history/history.service';
import { customersData, ErasureView, PersonalDataView } from './personal-data.view';
import { PersonalDataRepository } from './personal-data.repository';

/**
 * P-3: a customer's personal data, exported (this service's section of the gateway's document) or erased on
 * request. Who may is the policy's (general manager, administrator); both are audited.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    private readonly transactions: Transactions,
    private readonly customers: CustomersRepository,
    private readonly personalData: PersonalDataRepository,
    private readonly history: HistoryService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** Everything customers holds about the customer; 404 CUSTOMER_NOT_FOUND for an unknown one. Audited (EXPORT). */
  async export(viewer: Principal | undefined, customerId: string): Promise<PersonalDataView> {
    const customer = await this.customers.findById(customerId);
    if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
    const [history, audit] = await Promise.all([this.history.list(customerId), this.audit.list(customerId)]);
    await this.audit.record([{ actor: actorOf(viewer), action: AuditAction.EXPORT, subjectType: 'customer', subjectId: customerId, detail: { service: 'customers' } }]);
    return { service: 'customers', customerId, data: customersData(customer, history, audit), exportedAt: this.clock.now().toISOString() };
  }

  /**
   * Erases the person in one transaction: the row anonymised and marked erased, archive reports scrubbed, an
   * ERASURE audit line with the reason, and `customer.erased` for the other services. Twice: 409.
   * No keyed hash of the phone is kept: the same phone registered later is a new customer (O-3 cannot know them).
   */
  async erase(viewer: Principal | undefined, customerId: string, rawReason: string): Promise<ErasureView> {
    const reason = rawReason.trim();
    if (!reason || reason.length > 500) throw CommonErrors.VALIDATION_FAILED('reason must have 1 to 500 characters', { errors: [{ field: 'reason', reason: 'length' }] });
    const actor = actorOf(viewer);
    await this.transactions.run(async (tx) => {
      const customer = await this.customers.findByIdForUpdate(customerId, tx);
      if (!customer) throw CustomerErrors.CUSTOMER_NOT_FOUND(`No customer ${customerId}`);
      if (customer.erased) throw CustomerErrors.CUSTOMER_ALREADY_ERASED(`Customer ${customerId} was erased already`);
      const now = this.clock.now();
      await this.personalData.anonymiseCustomer(tx, customerId, ERASED_TEXT, now);
      await this.personalData.scrubArchiveReports(tx, customerId, customer.phone);
      await this.audit.record(
        [{ actor, action: AuditAction.ERASURE, subjectType: 'customer', subjectId: customerId, detail: { reason } }],
        tx,
      );
      await this.outbox.append(tx, [{ name: 'customer.erased', payload: { customerId, erasedBy: actor, erasedAt: now.toISOString() } }]);
    });
    return { customerId, status: 'ERASED' };
  }
}
