import { Init1795437188811 } from './1795437188811-init';
import { Corrections1795438577788 } from './1795438577788-corrections';
import { RedemptionKeysPerCaller1795456639484 } from './1795456639484-redemption-keys-per-caller';
import { CustomerOwnership1796279500000 } from './1796279500000-customer-ownership';
import { EmployeeSessions1796279600000 } from './1796279600000-employee-sessions';
import { IdempotencyKeys1796208854979 } from './1796208854979-idempotency-keys';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [
  Init1795437188811,
  Corrections1795438577788,
  RedemptionKeysPerCaller1795456639484,
  CustomerOwnership1796279500000,
  EmployeeSessions1796279600000,
  IdempotencyKeys1796208854979,
];
