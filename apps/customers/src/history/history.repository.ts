import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@crm/database';
import { CustomerHistoryEntity, HistoryKind } from './customer-history.entity';

export interface HistoryEntry {
  customerId: string;
  kind: HistoryKind;
  fromValue: string | null;
  toValue: string;
  cause: string;
  causeCode?: string | null;
  causeId?: string | null;
  actorId: string | null;
  at: Date;
}

/** The rows many owner changes share; only the customer and the owners vary. */
export interface OwnerHistoryCommon {
  cause: string;
  causeCode: string;
  causeId: string | null;
  actorId: string | null;
  at: Date;
}

/** Every query of the customer history (S-3 stages, ownership). */
@Injectable()
export class HistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: Tx, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length) await tx.getRepository(CustomerHistoryEntity).insert(entries.map((e) => ({ causeCode: null, causeId: null, ...e })));
  }

  /** Ownership history for many customers in one statement, without building an entity per row. */
  async insertOwnerChanges(tx: Tx, rows: readonly { customerId: string; fromValue: string | null; toValue: string }[], common: OwnerHistoryCommon): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO customer_history (customer_id, kind, from_value, to_value, cause, cause_code, cause_id, actor_id, at)
       SELECT v.customer_id, $4, v.from_value, v.to_value, $5, $6, $7, $8, $9
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(customer_id, from_value, to_value)`,
      [
        rows.map((r) => r.customerId),
        rows.map((r) => r.fromValue),
        rows.map((r) => r.toValue),
        HistoryKind.OWNER,
        common.cause,
        common.causeCode,
        common.causeId,
        common.actorId,
        common.at,
      ],
    );
  }

  /** Whether the customer's owner was already changed for this cause (e.g. one breached complaint). */
  async ownerChangedFor(tx: Tx, customerId: string, causeCode: string, causeId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM customer_history WHERE customer_id = $1 AND kind = $2 AND cause_code = $3 AND cause_id = $4 LIMIT 1`,
      [customerId, HistoryKind.OWNER, causeCode, causeId],
    );
    return rows.length > 0;
  }

  /** Newest first (docs/api/partners.md: GET /customers/{id}/history). */
  list(customerId: string, limit: number): Promise<CustomerHistoryEntity[]> {
    return this.dataSource.getRepository(CustomerHistoryEntity).find({ where: { customerId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}
