import { defineEvent } from './define-event';
import type { Fen, FineRule, IsoInstant, Uuid } from './domain-types';

/* Staff fines: imposed where the rule lives, booked by rewards in its fines ledger. */

export interface FineImposed {
  fineId: Uuid;
  employeeId: Uuid;
  departmentId: Uuid;
  amountFen: Fen;
  rule: FineRule;
  /** The sheet, dispute or complaint that caused the fine; with `rule` it makes the ledger entry unique. */
  sourceId: Uuid;
  imposedAt: IsoInstant;
}

export const fineImposed = defineEvent<FineImposed>()({
  name: 'fine.imposed',
  version: 1,
  producers: ['campaigns', 'complaints'],
  consumers: ['rewards'],
  description: 'A fine under J-7, J-11 (campaigns) or C-2, C-3, C-4 (complaints).',
});
