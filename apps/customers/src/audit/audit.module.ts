import { Module } from '@nestjs/common';
import { AuditConsumer } from './audit.consumer';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/**
 * P-2: the one audit trail of personal-data reads (this service's and, by `personal_data.read`, other
 * services'), ownership changes and partner keys, and its list for the general manager and admins.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditResolver, AuditConsumer],
  exports: [AuditRepository, AuditService],
})
export class AuditModule {}
