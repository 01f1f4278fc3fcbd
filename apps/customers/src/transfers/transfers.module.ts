import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { OwnershipModule } from '../ownership/ownership.module';
import { BreachTransfersConsumer } from './breach-transfers.consumer';
import { BreachTransfersService } from './breach-transfers.service';
import { TransfersRepository } from './transfers.repository';

/** Rule-driven ownership changes: C-4 transfers on a breached complaint. */
@Module({
  imports: [CustomersModule, OwnershipModule],
  providers: [TransfersRepository, BreachTransfersService, BreachTransfersConsumer],
})
export class TransfersModule {}
