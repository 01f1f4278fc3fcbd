import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage, type Page, type Tx } from '@crm/database';
import { AuditAction, AuditEntryEntity } from './audit-entry.entity';
import { AUDIT_LIST_ORDER } from './audit-list-order';

/** What the P-2 audit list may be narrowed to. */
export interface AuditFilter {
  customerId?: string;
  /** Matches the actor `employee:<id>` or `partner:<id>`. */
  actorId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface AuditRecord {
  actor: string;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
}

/** Every query of the P-2 audit log (append-only). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Many entries in one statement, in `tx` or on their own. */
  async insert(entries: readonly AuditRecord[], at: Date, tx?: Tx): Promise<void> {
    if (!entries.length) return;
    await (tx ?? this.dataSource.manager)
      .getRepository(AuditEntryEntity)
      .insert(entries.map((e) => ({ ...e, detail: (e.detail ?? {}) as AuditEntryEntity['detail'] & object, at })) as never);
  }

  /** Entries of many customers that share actor, action and time, in one statement. */
  async insertForCustomers(
    tx: Tx,
    rows: readonly { subjectId: string; detail: Record<string, unknown> }[],
    common: { actor: string; action: AuditAction; at: Date },
  ): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO audit_log (actor, action, subject_type, subject_id, detail, at)
       SELECT $3, $4, 'customer', v.subject_id, v.detail, $5
       FROM unnest($1::uuid[], $2::jsonb[]) AS v(subject_id, detail)`,
      [rows.map((r) => r.subjectId), rows.map((r) => JSON.stringify(r.detail)), common.actor, common.action, common.at],
    );
  }

  /** The entries about customers (personal-data reads, ownership changes), filtered, one keyset page. */
  search(filter: AuditFilter, limit: number, cursor?: string): Promise<Page<AuditEntryEntity>> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a').where(`a.subject_type = 'customer'`);
    if (filter.customerId) qb.andWhere('a.subject_id = :customerId', { customerId: filter.customerId });
    if (filter.actorId) qb.andWhere('a.actor IN (:...actors)', { actors: [`employee:${filter.actorId}`, `partner:${filter.actorId}`] });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    return keysetPage(qb, 'a.id', { limit, cursor }, AUDIT_LIST_ORDER);
  }

  list(subjectId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { subjectId }, order: { at: 'DESC' }, take: 200 });
  }
}
