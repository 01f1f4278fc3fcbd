import { Injectable } from '@nestjs/common';
import type { Tx } from '@crm/database';
import { CustomerHistoryEntity } from './customer-history.entity';
import { HistoryEntry, HistoryRepository } from './history.repository';

/** Stage (S-3) and ownership history: written in the transaction of the change it records. */
@Injectable()
export class HistoryService {
  constructor(private readonly history: HistoryRepository) {}

  record(tx: Tx, entries: HistoryEntry[]): Promise<void> {
    return this.history.insert(tx, entries);
  }

  /** Newest first (docs/api/partners.md: GET /customers/{id}/history). */
  list(customerId: string, limit = 200): Promise<CustomerHistoryEntity[]> {
    return this.history.list(customerId, limit);
  }
}
