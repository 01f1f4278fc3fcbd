import { Init1795427207976 } from './1795427207976-init';
import { Invitations1795431094986 } from './1795431094986-invitations';
import { DailySheets1795431347056 } from './1795431347056-daily-sheets';
import { CheckIns1795431628870 } from './1795431628870-check-ins';
import { Sales1795431755724 } from './1795431755724-sales';
import { Disputes1795432774213 } from './1795432774213-disputes';
import { Pitches1795432855363 } from './1795432855363-pitches';
import { SalesByMeeting1795452912536 } from './1795452912536-sales-by-meeting';
import { UnderServedReadModel1796191166233 } from './1796191166233-under-served-read-model';
import { SupplementarySheetsSpeakersAwards1796192931269 } from './1796192931269-supplementary-sheets-speakers-awards';
import { EmployeeSessions1796204963582 } from './1796204963582-employee-sessions';
import { IdempotencyKeys1796208853717 } from './1796208853717-idempotency-keys';

/** In order. A landed migration is never edited: a change to the schema is a new migration. */
export const migrations = [
  Init1795427207976,
  Invitations1795431094986,
  DailySheets1795431347056,
  CheckIns1795431628870,
  Sales1795431755724,
  Disputes1795432774213,
  Pitches1795432855363,
  SalesByMeeting1795452912536,
  UnderServedReadModel1796191166233,
  SupplementarySheetsSpeakersAwards1796192931269,
  EmployeeSessions1796204963582,
  IdempotencyKeys1796208853717,
];
