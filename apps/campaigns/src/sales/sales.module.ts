import { Module } from '@nestjs/common';
import { CheckInsModule } from '../check-ins/check-ins.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { UnderServedModule } from '../under-served/under-served.module';
import { SalesController } from './sales.controller';
import { SalesRepository } from './sales.repository';
import { SaleResolver } from './sales.resolver';
import { SalesService } from './sales.service';

/** J-10: sales and refunds. */
@Module({
  imports: [MeetingsModule, CheckInsModule, InvitationsModule, UnderServedModule],
  controllers: [SalesController],
  providers: [SalesRepository, SalesService, SaleResolver],
  exports: [SalesService],
})
export class SalesModule {}
