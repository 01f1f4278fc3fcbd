/**
 * Scalars and enums that event payloads share. Payloads cross process boundaries as JSON, so their types are
 * JSON types with names that say what the string or number means.
 */

/** A UUID primary key of the producing service. */
export type Uuid = string;
/** An instant, ISO 8601 with offset (`2026-03-01T10:00:00.000Z`). */
export type IsoInstant = string;
/** A business day in BUSINESS_TZ, `YYYY-MM-DD` (docs/rules.md): names a day, never shifts with a server's zone. */
export type BusinessDate = string;
/** Money as integer fen (1 yuan = 100 fen), never a float. */
export type Fen = number;

export type CustomerStage = 'POTENTIAL' | 'NEW' | 'LOYAL' | 'PROBLEM' | 'CHURNED';
export type ValueTier = 'A' | 'B' | 'C';
export type CustomerSource =
  'OUTREACH' | 'REFERRAL' | 'WALK_IN' | 'HOTLINE' | 'WEBSITE' | 'PARTNER' | 'OTHER';

export type ComplaintCause =
  'SERVICE_NOT_IN_PLACE' | 'EMPLOYEE_SELFISHNESS' | 'WORK_ATTITUDE' | 'INTER_DEPARTMENT_DISPUTE' | 'OTHER';
export type ComplaintChannel =
  'DISCOVERED' | 'TO_GENERAL_MANAGER' | 'HOTLINE' | 'VISIT' | 'PARTNER' | 'OTHER';

/** The rules that fine staff (docs/rules.md R-4). */
export type FineRule = 'J-7' | 'J-11' | 'C-2' | 'C-3' | 'C-4';

export type MeetingSlot = 'AFTERNOON' | 'EVENING';
