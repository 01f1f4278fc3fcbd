import { Init1795423477015 } from './1795423477015-init';
import { HistoryCause1796191211749 } from './1796191211749-history-cause';
import { TakeoverReportsAndAuditList1796192725737 } from './1796192725737-takeover-reports-and-audit-list';
import { AnnounceOwnership1796194121003 } from './1796194121003-announce-ownership';
import { CustomerErased1796194672040 } from './1796194672040-customer-erased';
import { Identity1796205030125 } from './1796205030125-identity';
import { IdempotencyKeys1796208852315 } from './1796208852315-idempotency-keys';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [
  Init1795423477015,
  HistoryCause1796191211749,
  TakeoverReportsAndAuditList1796192725737,
  AnnounceOwnership1796194121003,
  CustomerErased1796194672040,
  Identity1796205030125,
  IdempotencyKeys1796208852315,
];
