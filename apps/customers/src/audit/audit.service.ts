import { Injectable } from '@nestjs/common';
import { Clock } from '@crm/clock';
import type { Page, Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { PersonalDataRead } from '@crm/events';
import { AuditAction, AuditEntryEntity } from './audit-entry.entity';
import { AuditFilter, AuditRecord, AuditRepository } from './audit.repository';

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

  /**
   * P-2 `personal_data.read`: another service (service-visits) showed personal data in full; each customer
   * gets a line in the one audit trail, at the time of the read. Runs in the event's inbox transaction, so a
   * redelivered event (same id) records nothing twice.
   */
  recordRead(tx: Tx, read: PersonalDataRead, source: { service: string; eventId: string }): Promise<void> {
    const fields = read.data === 'HEALTH_READINGS' ? ['healthReadings'] : [String(read.data)];
    return this.audit.insert(
      [...new Set(read.customerIds)].map((customerId) => ({
        actor: read.actor,
        action: AuditAction.READ_PERSONAL_DATA,
        subjectType: 'customer',
        subjectId: customerId,
        detail: { fields, service: source.service, eventId: source.eventId },
      })),
      new Date(read.readAt),
      tx,
    );
  }

  /** GET /api/v1/audit: who read whose personal data and who changed ownership. */
  search(filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditEntryEntity>> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw CommonErrors.VALIDATION_FAILED('from must not be after to', { errors: [{ field: 'from', reason: 'after to' }] });
    }
    return this.audit.search(filter, limit, cursor);
  }

  list(subjectId: string): Promise<AuditEntryEntity[]> {
    return this.audit.list(subjectId);
  }
}
