import { Module } from '@nestjs/common';
import { CustomersRepository } from './customers.repository';

/** The customers service-visits knows of: owner, stage and last service, fed by events (customer-events.consumer.ts). */
@Module({ providers: [CustomersRepository], exports: [CustomersRepository] })
export class CustomersModule {}
