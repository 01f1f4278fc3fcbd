import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { HistoryModule } from '../history/history.module';
import { OwnershipRepository } from './ownership.repository';
import { OwnershipService } from './ownership.service';

/** Who owns a customer: the one writer of every change of owner (row, history, audit and event together). */
@Module({
  imports: [HistoryModule, AuditModule],
  providers: [OwnershipRepository, OwnershipService],
  exports: [OwnershipService],
})
export class OwnershipModule {}
