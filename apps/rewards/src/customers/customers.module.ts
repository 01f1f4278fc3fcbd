import { Module } from '@nestjs/common';
import { CustomersConsumer } from './customers.consumer';
import { CustomersRepository } from './customers.repository';

/** The customers rewards knows of, fed by customer.registered. */
@Module({ providers: [CustomersRepository, CustomersConsumer], exports: [CustomersRepository] })
export class CustomersModule {}
