import { Module } from '@nestjs/common';
import { AdequacyModule } from '../adequacy/adequacy.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { VisitPlansModule } from '../visit-plans/visit-plans.module';
import { CustomerEventsConsumer } from './customer-events.consumer';
import { CustomersModule } from './customers.module';

/** The events service-visits consumes, handed to the capabilities they concern. */
@Module({ imports: [CustomersModule, AdequacyModule, VisitPlansModule, ComplaintsModule], providers: [CustomerEventsConsumer] })
export class CustomerEventsModule {}
