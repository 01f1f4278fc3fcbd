import { Module } from '@nestjs/common';
import { CustomersConsumer } from './customers.consumer';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

/** The customers rewards knows of, fed by customer.registered: rewards' own read model, not ownership. */
@Module({ providers: [CustomersRepository, CustomersService, CustomersConsumer], exports: [CustomersService] })
export class CustomersModule {}
