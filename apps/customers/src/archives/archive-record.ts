/**
 * Customer archives from outreach events: validating one record (O-2). Parsing a CSV is archive-csv.ts,
 * sorting a batch into accepted, duplicate and invalid rows (O-3) is archive-batch-rows.ts.
 *
 * The CRM clerk enters the archives a department collected at an outreach event, either as JSON records
 * or as a CSV exported from a spreadsheet. Every row ends in exactly one of three buckets: accepted (a new
 * customer), duplicate (the phone is already a customer, or already appears earlier in the batch) or
 * invalid (with the field and the reason). Rows are independent, so one bad row never costs a good one
 * (O-3).
 *
 * Pure functions: no I/O; "today" is an argument, never read from a clock here.
 */
import { normalizeMainlandMobile } from '../customers/phone';

export type Gender = 'MALE' | 'FEMALE';

/** The fields of an archive record, named as in the API (`POST /api/v1/customers`, archive batches). */
export type ArchiveColumn = 'name' | 'phone' | 'gender' | 'birthDate' | 'address' | 'notes';

/** A problem is about one field, or about the row as a whole (`record`). */
export type ArchiveField = ArchiveColumn | 'record';

/** Stable problem codes; `reason` carries the English text for people, `code` is for translation. */
export type ArchiveProblemCode =
  | 'REQUIRED'
  | 'WRONG_TYPE'
  | 'TOO_LONG'
  | 'INVALID_CHARACTERS'
  | 'FOREIGN_NUMBER'
  | 'WRONG_LENGTH'
  | 'NOT_MOBILE'
  | 'INVALID_VALUE'
  | 'INVALID_FORMAT'
  | 'INVALID_DATE'
  | 'IN_FUTURE'
  | 'TOO_EARLY'
  | 'NOT_AN_OBJECT'
  | 'TOO_MANY_CELLS';

export interface FieldProblem {
  field: ArchiveField;
  code: ArchiveProblemCode;
  reason: string;
}

/**
 * A record as it arrives (JSON body or CSV row). Values are `unknown` because JSON callers may send
 * anything; CSV rows only ever hold strings. A missing key, `null` and a blank string all mean "not given".
 */
export interface ArchiveRecordInput {
  name?: unknown;
  phone?: unknown;
  gender?: unknown;
  birthDate?: unknown;
  address?: unknown;
  notes?: unknown;
}

/** A valid, normalised record: strings trimmed, phone in E.164, absent optionals are `null`. */
export interface ArchiveRecord {
  name: string;
  /** E.164, e.g. `+8613812345678`. */
  phone: string;
  gender: Gender | null;
  /** 'YYYY-MM-DD'. */
  birthDate: string | null;
  address: string | null;
  notes: string | null;
}

export type ArchiveRecordResult =
  { ok: true; record: ArchiveRecord } | { ok: false; problems: FieldProblem[] };

/**
 * O-2 limits. Lengths count Unicode code points, not UTF-16 units, so a rare CJK character outside the
 * BMP (common in names: 𠮷) counts as one character, as a person would count it.
 */
export const ARCHIVE_LIMITS = {
  nameMaxLength: 64,
  addressMaxLength: 200,
  notesMaxLength: 500,
  earliestBirthDate: '1900-01-01',
} as const;

// ---------------------------------------------------------------------------------------------------------
// One record (O-2)
// ---------------------------------------------------------------------------------------------------------

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// C0 and C1 control characters, tabs and line breaks included: a name is one line of text.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u;

function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date written 'YYYY-MM-DD' (zone-free: it names a day, not an instant). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

type FieldOutcome<T> = { value: T } | { problem: FieldProblem };

function problem(field: ArchiveField, code: ArchiveProblemCode, reason: string): { problem: FieldProblem } {
  return { problem: { field, code, reason } };
}

/** Blank means "not given": missing, null, or only whitespace. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function validateName(value: unknown): FieldOutcome<string> {
  if (isBlank(value)) return problem('name', 'REQUIRED', 'name is required');
  if (typeof value !== 'string') return problem('name', 'WRONG_TYPE', 'name must be text');
  // String.prototype.trim also removes the ideographic space U+3000 that Chinese IMEs insert.
  const name = value.trim();
  if (CONTROL_CHARACTERS.test(name)) {
    return problem('name', 'INVALID_CHARACTERS', 'name must be one line without control characters');
  }
  if (codePointLength(name) > ARCHIVE_LIMITS.nameMaxLength) {
    return problem('name', 'TOO_LONG', `name must be at most ${ARCHIVE_LIMITS.nameMaxLength} characters`);
  }
  return { value: name };
}

function validatePhone(value: unknown): FieldOutcome<string> {
  if (isBlank(value)) return problem('phone', 'REQUIRED', 'phone is required');
  // Spreadsheet-to-JSON tools turn a phone column into numbers; 13812345678 is a safe integer.
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? String(value) : value;
  if (typeof text !== 'string') return problem('phone', 'WRONG_TYPE', 'phone must be text');
  const parsed = normalizeMainlandMobile(text);
  if (parsed.ok) return { value: parsed.e164 };
  // EMPTY cannot happen here (blank was handled above) but a value of only separators ("--") can.
  return parsed.code === 'EMPTY'
    ? problem('phone', 'REQUIRED', 'phone is required')
    : problem('phone', parsed.code, parsed.reason);
}

const GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['male', 'MALE'],
  ['m', 'MALE'],
  ['男', 'MALE'],
  ['男性', 'MALE'],
  ['female', 'FEMALE'],
  ['f', 'FEMALE'],
  ['女', 'FEMALE'],
  ['女性', 'FEMALE'],
]);

function validateGender(value: unknown): FieldOutcome<Gender | null> {
  if (isBlank(value)) return { value: null };
  if (typeof value !== 'string') return problem('gender', 'WRONG_TYPE', 'gender must be text');
  // NFKC so a full-width "Ｍ" from a Chinese IME reads as "M".
  const gender = GENDERS.get(value.normalize('NFKC').trim().toLowerCase());
  if (!gender) return problem('gender', 'INVALID_VALUE', 'gender must be MALE or FEMALE (also M/F, 男/女)');
  return { value: gender };
}

function validateBirthDate(value: unknown, today: string): FieldOutcome<string | null> {
  if (isBlank(value)) return { value: null };
  if (typeof value !== 'string')
    return problem('birthDate', 'WRONG_TYPE', 'birthDate must be text in the form YYYY-MM-DD');
  const date = value.normalize('NFKC').trim();
  if (!DATE_PATTERN.test(date))
    return problem('birthDate', 'INVALID_FORMAT', 'birthDate must be written YYYY-MM-DD');
  if (!isCalendarDate(date))
    return problem('birthDate', 'INVALID_DATE', `birthDate ${date} is not a real date`);
  // 'YYYY-MM-DD' strings order like the dates they name, so plain comparison is exact.
  if (date > today) return problem('birthDate', 'IN_FUTURE', `birthDate ${date} is after today (${today})`);
  if (date < ARCHIVE_LIMITS.earliestBirthDate) {
    return problem(
      'birthDate',
      'TOO_EARLY',
      `birthDate must not be before ${ARCHIVE_LIMITS.earliestBirthDate}`,
    );
  }
  return { value: date };
}

function validateText(
  field: 'address' | 'notes',
  value: unknown,
  maxLength: number,
): FieldOutcome<string | null> {
  if (isBlank(value)) return { value: null };
  if (typeof value !== 'string') return problem(field, 'WRONG_TYPE', `${field} must be text`);
  const text = value.trim();
  if (codePointLength(text) > maxLength)
    return problem(field, 'TOO_LONG', `${field} must be at most ${maxLength} characters`);
  return { value: text };
}

export function assertToday(today: string): void {
  // A bad `today` is a programming error in the caller, not bad input from the clerk.
  if (!isCalendarDate(today))
    throw new RangeError(`today must be a YYYY-MM-DD business date, got ${JSON.stringify(today)}`);
}

/**
 * O-2: validates and normalises one archive record. `today` is the business date ('YYYY-MM-DD' in
 * BUSINESS_TZ) used to refuse birth dates in the future; a birth date equal to today is allowed.
 *
 * Every problem of the record is reported (not just the first), in field order, so the clerk fixes a row
 * in one go.
 */
export function validateArchiveRecord(input: unknown, today: string): ArchiveRecordResult {
  assertToday(today);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ field: 'record', code: 'NOT_AN_OBJECT', reason: 'a record must be an object' }],
    };
  }
  const r = input as ArchiveRecordInput;
  const name = validateName(r.name);
  const phone = validatePhone(r.phone);
  const gender = validateGender(r.gender);
  const birthDate = validateBirthDate(r.birthDate, today);
  const address = validateText('address', r.address, ARCHIVE_LIMITS.addressMaxLength);
  const notes = validateText('notes', r.notes, ARCHIVE_LIMITS.notesMaxLength);

  const problems: FieldProblem[] = [];
  for (const outcome of [name, phone, gender, birthDate, address, notes]) {
    if ('problem' in outcome) problems.push(outcome.problem);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    record: {
      name: valueOf(name),
      phone: valueOf(phone),
      gender: valueOf(gender),
      birthDate: valueOf(birthDate),
      address: valueOf(address),
      notes: valueOf(notes),
    },
  };
}

/** Only called once every outcome is known to hold a value; the throw is unreachable. */
function valueOf<T>(outcome: FieldOutcome<T>): T {
  if ('problem' in outcome) throw new Error(`unreachable: ${outcome.problem.field} has a problem`);
  return outcome.value;
}

/** The normalised phone of a record whose other fields may be invalid, or null if the phone itself is bad. */
export function validPhoneOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const outcome = validatePhone((record as ArchiveRecordInput).phone);
  return 'value' in outcome ? outcome.value : null;
}
