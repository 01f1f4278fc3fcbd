import { Injectable, Logger } from '@nestjs/common';
import type { Tx } from '@crm/database';
import type { CustomerErased } from '@crm/events';
import { CustomerOwnerships, PersonalDataPartView } from '@crm/service-kit';
import { ComplaintsService } from '../complaints/complaints.service';
import type { ComplaintsPersonalData } from './personal-data.view';

/**
 * P-3 in complaints: a customer's export section (every complaint about them, with its texts, actions and fines)
 * and the erasure of what complaints holds of them (the texts; ids, statuses, dates and fines stay).
 */
@Injectable()
export class PersonalDataService {
  private readonly log = new Logger('PersonalData');

  constructor(
    private readonly complaints: ComplaintsService,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  /** The section; `data: null` for a customer complaints never heard of (no ownership row, no complaint). */
  async export(customerId: string): Promise<PersonalDataPartView<ComplaintsPersonalData>> {
    const [complaints, known] = await Promise.all([
      this.complaints.ofCustomerForExport(customerId),
      this.ownerships.find(customerId),
    ]);
    const data = complaints.length || known ? { complaints } : null;
    return { service: 'complaints', customerId, data };
  }

  /** customer.erased, in the event's inbox transaction: a redelivery or a second erasure changes nothing more. */
  async erase(tx: Tx, erased: CustomerErased): Promise<void> {
    const changed = await this.complaints.eraseTexts(tx, erased.customerId);
    this.log.log(
      `customer ${erased.customerId} erased: ${changed.complaints} complaints, ${changed.actions} actions scrubbed`,
    );
  }
}
