import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/clock';
import type { Tx } from '@crm/database';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRecord, AuditRepository } from './audit.repository';

/** P-2: records reads of full personal data, ownership changes and partner keys. */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(entries: AuditRecord[], tx?: Tx): Promise<void> {
    return this.audit.insert(entries, this.clock.now(), tx);
  }

  list(subjectId: string): Promise<AuditEntryEntity[]> {
    return this.audit.list(subjectId);
  }
}
