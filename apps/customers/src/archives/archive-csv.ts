/**
 * O-2: reading an archive CSV exported from a spreadsheet into numbered rows for the batch (archive-batch-rows.ts).
 *
 * Pure functions: no I/O.
 */
import { parse } from 'csv-parse/sync';
import { ArchiveColumn, FieldProblem } from './archive-record';

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
