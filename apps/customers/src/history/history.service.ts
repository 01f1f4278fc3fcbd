import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerHistoryEntity, HistoryKind } from './customer-history.entity';

export interface HistoryEntry {
  customerId: string;
  kind: HistoryKind;
  fromValue: string | null;
  toValue: string;
  cause: string;
  actorId: string | null;
  at: Date;
}

/** Stage (S-3) and ownership history: written in the transaction of the change it records. */
@Injectable()
export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entries: HistoryEntry[]): Promise<void> {
    if (entries.length) await manager.getRepository(CustomerHistoryEntity).insert(entries);
  }

  /** Newest first (api-contract.md: GET /customers/{id}/history). */
  list(customerId: string, limit = 200): Promise<CustomerHistoryEntity[]> {
    return this.dataSource.getRepository(CustomerHistoryEntity).find({
      where: { customerId },
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}

/** One history entry as REST and GraphQL show it. */
export function historyView(h: CustomerHistoryEntity) {
  return { id: h.id, kind: h.kind, from: h.fromValue, to: h.toValue, cause: h.cause, actorId: h.actorId, at: h.at.toISOString() };
}
