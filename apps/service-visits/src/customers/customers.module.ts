import { Module } from '@nestjs/common';
import { CustomersConsumer } from './customers.consumer';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

/**
 * The customers service-visits knows of: their stage and V-2 state (customer_service_state), beside who owns them
 * (the shared customer-ownership read model, CustomerOwnerships).
 */
@Module({ providers: [CustomersRepository, CustomersService, CustomersConsumer], exports: [CustomersRepository] })
export class CustomersModule {}
