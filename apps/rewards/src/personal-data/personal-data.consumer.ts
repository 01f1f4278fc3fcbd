import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { PersonalDataService } from './personal-data.service';

/** P-3: customers erased a customer's personal data; rewards scrubs what it holds of them. */
@Injectable()
export class PersonalDataConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'rewards'>,
    private readonly personalData: PersonalDataService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.erased', (e, { manager }) => this.personalData.erase(e, manager));
  }
}
