import { Module } from '@nestjs/common';
import { CustomersConsumer } from './customers.consumer';
import { CustomersRepository } from './customers.repository';

/** The customers complaints knows of, and their owners, fed by customers' events. */
@Module({ providers: [CustomersRepository, CustomersConsumer], exports: [CustomersRepository] })
export class CustomersModule {}
