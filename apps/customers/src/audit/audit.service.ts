import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@crm/clock';
import { AuditAction, AuditEntryEntity } from './audit-entry.entity';

/** P-2: records reads of full personal data and ownership changes. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(
    entries: { actor: string; action: AuditAction; subjectType: string; subjectId: string; detail?: Record<string, unknown> }[],
    manager?: EntityManager,
  ): Promise<void> {
    if (!entries.length) return;
    const at = this.clock.now();
    await (manager ?? this.dataSource.manager)
      .getRepository(AuditEntryEntity)
      .insert(entries.map((e) => ({ ...e, detail: (e.detail ?? {}) as AuditEntryEntity['detail'] & object, at })) as never);
  }

  list(subjectId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId }, order: { at: 'DESC' }, take: 200 });
  }
}
