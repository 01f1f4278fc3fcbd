import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@crm/events';
import { PersonalDataService } from './personal-data.service';

/** `customer.erased` (P-3, from customers) hands over to the erasure, in the inbox transaction. */
@Injectable()
export class PersonalDataConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer<'complaints'>,
    private readonly personalData: PersonalDataService,
  ) {}

  onModuleInit(): void {
    this.consumer.on('customer.erased', (erased, ctx) => this.personalData.erase(ctx.manager, erased));
  }
}
