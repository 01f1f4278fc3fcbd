import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';

/** C-1..C-5 on request: filing, fines by channel, resolution and reopening. */
@Module({
  imports: [CustomersModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService],
  exports: [ComplaintsRepository, ComplaintsService],
})
export class ComplaintsModule {}
