import { Module } from '@nestjs/common';
import { CustomersConsumer } from './customers.consumer';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

/**
 * The customers rewards knows of, fed by registrations (the ownership replica's follow-up), and who may act for
 * them (P-1) through the shared customer-ownership read model.
 */
@Module({ providers: [CustomersRepository, CustomersService, CustomersConsumer], exports: [CustomersService] })
export class CustomersModule {}
