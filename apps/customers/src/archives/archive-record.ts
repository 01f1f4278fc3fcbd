/**
 * Customer archives from outreach events: validating, parsing and classifying a batch (O-2, O-3).
 *
 * The CRM clerk enters the archives a department collected at an outreach event, either as JSON records
 * or as a CSV exported from a spreadsheet. Every row ends in exactly one of three buckets: accepted (a new
 * customer), duplicate (the phone is already a customer, or already appears earlier in the batch) or
 * invalid (with the field and the reason). Rows are independent, so one bad row never costs a good one
 * (O-3).
 *
 * Pure functions: no I/O; "today" is an argument, never read from a clock here.
 */
import { parse } from 'csv-parse/sync';
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

function assertToday(today: string): void {
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

// ---------------------------------------------------------------------------------------------------------
// CSV (O-2)
// ---------------------------------------------------------------------------------------------------------

/**
 * Header names, compared after NFKC, trimming, lower-casing and dropping spaces, '_' and '-', so
 * "Birth Date", "birth_date" and "birthDate" are one column. Chinese headers are the ones printed on the
 * paper archive forms, plus the usual variants clerks type.
 */
const HEADER_ALIASES: ReadonlyMap<string, ArchiveColumn> = new Map<string, ArchiveColumn>([
  ['name', 'name'],
  ['姓名', 'name'],
  ['phone', 'phone'],
  ['mobile', 'phone'],
  ['电话', 'phone'],
  ['手机', 'phone'],
  ['手机号', 'phone'],
  ['手机号码', 'phone'],
  ['电话号码', 'phone'],
  ['联系电话', 'phone'],
  ['gender', 'gender'],
  ['sex', 'gender'],
  ['性别', 'gender'],
  ['birthdate', 'birthDate'],
  ['dateofbirth', 'birthDate'],
  ['出生日期', 'birthDate'],
  ['生日', 'birthDate'],
  ['address', 'address'],
  ['地址', 'address'],
  ['住址', 'address'],
  ['家庭住址', 'address'],
  ['notes', 'notes'],
  ['note', 'notes'],
  ['remarks', 'notes'],
  ['备注', 'notes'],
]);

function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
}

export type CsvFileErrorCode = 'EMPTY_FILE' | 'MALFORMED_CSV' | 'MISSING_COLUMNS' | 'DUPLICATE_COLUMNS';

/** One data row of the CSV, ready for `classifyBatch`. */
export interface ArchiveCsvRow {
  /** 1-based data row number; see `parseArchiveCsv` for how it counts. */
  row: number;
  /** Cell text by column; a column absent from the header is absent here. */
  record: Partial<Record<ArchiveColumn, string>>;
  /** Problems with the row's shape (e.g. more cells than the header); field problems come later. */
  problems: FieldProblem[];
}

export type ArchiveCsvParseResult =
  | {
      ok: true;
      rows: ArchiveCsvRow[];
      /** Header cells that name no archive column; their cells are ignored. */ ignoredColumns: string[];
    }
  | { ok: false; code: CsvFileErrorCode; reason: string };

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * O-2: reads an archive CSV. The first non-blank line is the header (columns name, phone, gender,
 * birthDate, address, notes or their Chinese names 姓名, 电话/手机, 性别, 出生日期, 地址, 备注, in any
 * order; only name and phone are required; unknown columns such as 序号 are ignored and listed).
 *
 * Row numbers: row 1 is the first record after the header, and every record after it counts, blank ones
 * included, even though blank rows produce no output (a row is blank when every cell under an archive
 * column, and every cell beyond the header, is empty; cells under ignored columns do not count). So `row + 1` is the row number a spreadsheet shows
 * for the same line (header = spreadsheet row 1), which is where the clerk will look for it. A quoted cell
 * with line breaks is still one row.
 *
 * Handles a UTF-8 BOM (Excel writes one), CRLF/CR/LF line ends (normalised to LF, also inside quoted
 * cells), quoted cells with commas, quotes ("") and line breaks, spaces around quoted cells, and rows
 * with fewer cells than the header (missing cells are blank). A row with extra non-empty cells beyond the
 * header gets a `record` problem: its columns are probably shifted, so guessing which cell is the phone
 * would be worse than asking.
 *
 * A file that is not parseable CSV (an unclosed quote) is refused as a whole: after a broken quote the row
 * boundaries themselves are unknown, so no row could be trusted.
 */
export function parseArchiveCsv(text: string): ArchiveCsvParseResult {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: string[][];
  try {
    records = parse(normalised, {
      relax_column_count: true,
      skip_empty_lines: false, // blank rows are skipped here, after they have been counted
      trim: true,
    }) as string[][];
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'MALFORMED_CSV', reason: `the file is not valid CSV: ${message}` };
  }

  const headerIndex = records.findIndex((cells) => !isBlankRow(cells));
  if (headerIndex < 0) return { ok: false, code: 'EMPTY_FILE', reason: 'the file has no header row' };

  const header = records[headerIndex];
  const columns: (ArchiveColumn | null)[] = [];
  const seen = new Map<ArchiveColumn, string>();
  const ignoredColumns: string[] = [];
  for (const cell of header) {
    const column = HEADER_ALIASES.get(headerKey(cell)) ?? null;
    if (column) {
      const earlier = seen.get(column);
      if (earlier !== undefined) {
        return {
          ok: false,
          code: 'DUPLICATE_COLUMNS',
          reason: `columns "${earlier}" and "${cell}" both hold ${column}`,
        };
      }
      seen.set(column, cell);
    } else if (cell.trim() !== '') {
      ignoredColumns.push(cell.trim());
    }
    columns.push(column);
  }
  const missing = (['name', 'phone'] as const).filter((c) => !seen.has(c));
  if (missing.length > 0) {
    return { ok: false, code: 'MISSING_COLUMNS', reason: `the header has no ${missing.join(' or ')} column` };
  }

  const rows: ArchiveCsvRow[] = [];
  records.slice(headerIndex + 1).forEach((cells, index) => {
    const archiveCells = cells.filter((_, i) => columns[i] !== null && i < columns.length);
    const extraCells = cells.slice(columns.length);
    // Blank means no archive data: cells under ignored columns do not count, so a sheet with a
    // pre-numbered 序号 column and empty rows below the data yields no "name is required" noise.
    if (isBlankRow(archiveCells) && isBlankRow(extraCells)) return;
    const record: Partial<Record<ArchiveColumn, string>> = {};
    columns.forEach((column, i) => {
      if (column) record[column] = cells[i] ?? '';
    });
    const problems: FieldProblem[] = [];
    if (!isBlankRow(extraCells)) {
      problems.push({
        field: 'record',
        code: 'TOO_MANY_CELLS',
        reason: `the row has ${cells.length} cells but the header has ${columns.length}; its columns may be shifted`,
      });
    }
    rows.push({ row: index + 1, record, problems });
  });
  return { ok: true, rows, ignoredColumns };
}

// ---------------------------------------------------------------------------------------------------------
// The batch (O-3)
// ---------------------------------------------------------------------------------------------------------

/** One row of a batch: its 1-based row number, the raw record, and any shape problems found by a parser. */
export interface ArchiveBatchRow {
  row: number;
  record: unknown;
  problems?: readonly FieldProblem[];
}

export interface AcceptedArchiveRow {
  row: number;
  record: ArchiveRecord;
}

/**
 * O-3 duplicate. Both shapes carry `row`, `phone` (normalised E.164, not masked: the clerk who entered it
 * may see it), `customerId` and `duplicateOfRow`, so a JSON client always finds the same keys:
 * - `EXISTING_CUSTOMER`: the phone belongs to a customer already in the system; `customerId` is theirs.
 * - `EARLIER_ROW`: the phone was already accepted from an earlier row of this batch; `duplicateOfRow` is
 *   that row (always an accepted row, never another duplicate). `customerId` is null here because that
 *   customer does not exist until the batch is stored; the service may fill it in afterwards.
 */
export type DuplicateArchiveRow =
  | { row: number; phone: string; duplicateOf: 'EXISTING_CUSTOMER'; customerId: string; duplicateOfRow: null }
  | { row: number; phone: string; duplicateOf: 'EARLIER_ROW'; customerId: null; duplicateOfRow: number };

/** O-3 invalid: one entry per problem, so a row with two bad fields appears twice. */
export interface InvalidArchiveRow {
  row: number;
  field: ArchiveField;
  code: ArchiveProblemCode;
  reason: string;
}

export interface BatchClassification {
  /** New customers, in row order: the order O-4 allocates them in. */
  accepted: AcceptedArchiveRow[];
  duplicates: DuplicateArchiveRow[];
  invalid: InvalidArchiveRow[];
}

/** The normalised phone of a record whose other fields may be invalid, or null if the phone itself is bad. */
function validPhoneOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const outcome = validatePhone((record as ArchiveRecordInput).phone);
  return 'value' in outcome ? outcome.value : null;
}

/** JSON `records[]` numbered like CSV rows: row 1 is `records[0]`. */
export function numberRecords(records: readonly unknown[]): ArchiveBatchRow[] {
  return records.map((record, index) => ({ row: index + 1, record }));
}

/**
 * O-3: sorts every row of a batch into accepted, duplicate or invalid; each row lands in exactly one.
 *
 * `existingPhones` maps E.164 phones of existing customers to their customer ids (the caller looks up
 * just the phones of this batch). `today` is the business date for birth-date checks.
 *
 * Order of decisions for a row, and why:
 * 1. Shape problems from the parser (shifted columns) → invalid: no cell of the row can be trusted.
 * 2. Phone missing or not a mainland mobile → invalid, with all of the row's problems.
 * 3. Phone of an existing customer → duplicate, even if other fields are bad: the row will never become
 *    a new customer (O-3 decides by phone), so asking the clerk to fix its birth date would waste effort.
 * 4. Phone already accepted from an earlier row → duplicate of that row, on the same reasoning.
 * 5. Any other field problem → invalid, with all of the row's problems.
 * 6. Otherwise accepted.
 * Only accepted rows claim a phone, so an invalid row never blocks a later valid row with the same phone
 * (nothing valid is lost because another row is bad). Rows are taken in ascending row number.
 */
export function classifyBatch(
  rows: readonly ArchiveBatchRow[],
  existingPhones: ReadonlyMap<string, string>,
  today: string,
): BatchClassification {
  assertToday(today);
  const ordered = [...rows].sort((a, b) => a.row - b.row);
  ordered.forEach((r, i) => {
    if (!Number.isSafeInteger(r.row) || r.row < 1)
      throw new RangeError(`row numbers must be positive integers, got ${r.row}`);
    if (i > 0 && ordered[i - 1].row === r.row) throw new RangeError(`row ${r.row} appears twice`);
  });

  const result: BatchClassification = { accepted: [], duplicates: [], invalid: [] };
  const acceptedRowByPhone = new Map<string, number>();
  const reportInvalid = (row: number, problems: readonly FieldProblem[]) => {
    for (const p of problems) result.invalid.push({ row, field: p.field, code: p.code, reason: p.reason });
  };

  for (const { row, record, problems: shapeProblems = [] } of ordered) {
    const validated = validateArchiveRecord(record, today);
    const problems = [...shapeProblems, ...(validated.ok ? [] : validated.problems)];
    // Step 1: a shifted row cannot be trusted, not even its phone.
    if (shapeProblems.length > 0) {
      reportInvalid(row, problems);
      continue;
    }
    // Step 2: without a valid phone there is nothing to compare; the phone problem is among `problems`.
    const phone = validated.ok ? validated.record.phone : validPhoneOf(record);
    if (phone === null) {
      reportInvalid(row, problems);
      continue;
    }
    // Steps 3 and 4: the phone decides, whatever the other fields say.
    const customerId = existingPhones.get(phone);
    if (customerId !== undefined) {
      result.duplicates.push({
        row,
        phone,
        duplicateOf: 'EXISTING_CUSTOMER',
        customerId,
        duplicateOfRow: null,
      });
      continue;
    }
    const earlierRow = acceptedRowByPhone.get(phone);
    if (earlierRow !== undefined) {
      result.duplicates.push({
        row,
        phone,
        duplicateOf: 'EARLIER_ROW',
        customerId: null,
        duplicateOfRow: earlierRow,
      });
      continue;
    }
    // Steps 5 and 6.
    if (!validated.ok) {
      reportInvalid(row, problems);
      continue;
    }
    acceptedRowByPhone.set(phone, row);
    result.accepted.push({ row, record: validated.record });
  }
  return result;
}
