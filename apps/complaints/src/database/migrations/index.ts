import { Init1795453595903 } from './1795453595903-init';
import { CustomerOwnershipReadModel1796190872127 } from './1796190872127-customer-ownership-read-model';
import { ComplaintActionsAndCustomerDepartment1796192660331 } from './1796192660331-complaint-actions-and-customer-department';
import { EmployeeSessions1796204970610 } from './1796204970610-employee-sessions';
import { IdempotencyKeys1796208856345 } from './1796208856345-idempotency-keys';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [
  Init1795453595903,
  CustomerOwnershipReadModel1796190872127,
  ComplaintActionsAndCustomerDepartment1796192660331,
  EmployeeSessions1796204970610,
  IdempotencyKeys1796208856345,
];
