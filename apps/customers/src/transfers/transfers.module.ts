import { Module } from '@nestjs/common';
import { CustomersCoreModule } from '../customers/customers-core.module';
import { BreachTransfersService } from './breach-transfers.service';
import { TransfersRepository } from './transfers.repository';

/** Rule-driven ownership changes: C-4 transfers on a breached complaint. */
@Module({
  imports: [CustomersCoreModule],
  providers: [TransfersRepository, BreachTransfersService],
})
export class TransfersModule {}
