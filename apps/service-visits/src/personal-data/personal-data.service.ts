import { Injectable, Logger } from '@nestjs/common';
import { Principal } from '@crm/auth';
import type { Tx } from '@crm/database';
import type { CustomerErased } from '@crm/events';
import { CustomerOwnerships } from '@crm/service-kit';
import { CustomersRepository } from '../customers/customers.repository';
import { ServiceRecordsService } from '../service-records/service-records.service';
import { SurveysService } from '../surveys/surveys.service';
import { VisitPlansService } from '../visit-plans/visit-plans.service';
import { PersonalDataPartView } from '@crm/service-kit';
import { ServiceVisitsPersonalData, serviceStateData } from './personal-data.view';

/**
 * P-3 in service-visits: a customer's export section (service records with notes and readings decrypted, visit
 * plans, surveys with comments, the service state) and the erasure of what it holds of them (notes, readings,
 * survey comments; categories, kinds, dates, scores and plans stay).
 */
@Injectable()
export class PersonalDataService {
  private readonly log = new Logger('PersonalData');

  constructor(
    private readonly records: ServiceRecordsService,
    private readonly plans: VisitPlansService,
    private readonly surveys: SurveysService,
    private readonly customers: CustomersRepository,
    private readonly ownerships: CustomerOwnerships,
  ) {}

  /**
   * The section; `data: null` for a customer service-visits never heard of. The readings are opened for the
   * caller the route admitted and audited (readings_reads, personal_data.read) before they are answered.
   */
  async export(caller: Principal | undefined, customerId: string): Promise<PersonalDataPartView<ServiceVisitsPersonalData>> {
    const [serviceRecords, visitPlans, surveys, state, owner] = await Promise.all([
      this.records.ofCustomerForExport(caller, customerId),
      this.plans.ofCustomerForExport(customerId),
      this.surveys.ofCustomerForExport(customerId),
      this.customers.find(customerId),
      this.ownerships.find(customerId),
    ]);
    const known = owner || state || serviceRecords.length || visitPlans.length || surveys.length;
    const data = known
      ? { serviceRecords, visitPlans, surveys, serviceState: state ? serviceStateData(state) : null }
      : null;
    return { service: 'service-visits', customerId, data };
  }

  /** customer.erased, in the event's inbox transaction: a redelivery or a second erasure changes nothing more. */
  async erase(tx: Tx, erased: CustomerErased): Promise<void> {
    const records = await this.records.eraseOf(tx, erased.customerId);
    const comments = await this.surveys.eraseComments(tx, erased.customerId);
    this.log.log(
      `customer ${erased.customerId} erased: ${records} service records, ${comments} survey comments scrubbed`,
    );
  }
}
