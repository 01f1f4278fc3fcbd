import { Init1795453977913 } from './1795453977913-init';
import { FlaggedWindow1795457583304 } from './1795457583304-flagged-window';
import { OwnershipReadModel1796191184907 } from './1796191184907-ownership-read-model';
import { EmployeeSessions1796204975175 } from './1796204975175-employee-sessions';
import { IdempotencyKeys1796208857733 } from './1796208857733-idempotency-keys';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [
  Init1795453977913,
  FlaggedWindow1795457583304,
  OwnershipReadModel1796191184907,
  EmployeeSessions1796204975175,
  IdempotencyKeys1796208857733,
];
