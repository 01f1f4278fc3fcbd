/**
 * O-3: sorting the rows of a batch into accepted (new customers), duplicates (by phone) and invalid rows.
 * Every row ends in exactly one bucket; rows are independent, so one bad row never costs a good one.
 *
 * Pure functions: no I/O; "today" is an argument, never read from a clock here.
 */
import { ArchiveField, ArchiveProblemCode, ArchiveRecord, assertToday, FieldProblem, validateArchiveRecord, validPhoneOf } from './archive-record';

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
