/**
 * Fines for late and missing daily sheets (docs/rules.md J-7; source text 三.3: "每天邀约敲定顾客档案如有迟交或
 * 不交一次,罚该部负责人10元").
 *
 * For each obligation day and participating department: ON_TIME if the department has an on-time sheet
 * for that day (forDay = day; with supplementary sheets, any one of them), else LATE if it has a late one,
 * else MISSING. Each LATE or MISSING is one fine of SHEET_FINE_FEN for the department head. Pass only the
 * obligation days whose deadline has passed (`daysToReconcile`: never a day before the meeting was
 * scheduled, J-3); sheets for other days are ignored.
 */

/** J-7: 10 yuan, in fen. */
export const SHEET_FINE_FEN = 1000;

export type SheetDayStatus = 'ON_TIME' | 'LATE' | 'MISSING';

export interface SheetRecord {
  departmentId: string;
  forDay: string;
  late: boolean;
}

export interface SheetDayVerdict {
  day: string;
  departmentId: string;
  status: SheetDayStatus;
  /** SHEET_FINE_FEN for LATE or MISSING, else 0. */
  fineFen: number;
}

export interface DepartmentSheetFine {
  departmentId: string;
  /** Number of LATE or MISSING days. */
  fines: number;
  totalFen: number;
}

export interface SheetFines {
  /** One per (day, department): days in the given order, departments in the given order within a day. */
  verdicts: SheetDayVerdict[];
  /** One per department, in the given order (0 fines included). */
  byDepartment: DepartmentSheetFine[];
}

/**
 * J-7 over `obligationDays` for `departmentIds`. Throws RangeError for a sheet of a department that is not
 * listed, or for a department or day listed twice.
 */
export function sheetFines(
  obligationDays: readonly string[],
  departmentIds: readonly string[],
  sheets: readonly SheetRecord[],
): SheetFines {
  if (new Set(obligationDays).size !== obligationDays.length) throw new RangeError('an obligation day is listed twice');
  if (new Set(departmentIds).size !== departmentIds.length) throw new RangeError('a department is listed twice');

  const best = new Map<string, SheetDayStatus>(); // key: department + day; ON_TIME beats LATE
  const key = (departmentId: string, day: string) => JSON.stringify([departmentId, day]);
  const departments = new Set(departmentIds);
  for (const s of sheets) {
    if (!departments.has(s.departmentId)) throw new RangeError(`sheet of department ${s.departmentId}, which is not listed`);
    const k = key(s.departmentId, s.forDay);
    if (best.get(k) !== 'ON_TIME') best.set(k, s.late ? 'LATE' : 'ON_TIME');
  }

  const verdicts: SheetDayVerdict[] = [];
  const counts = new Map<string, number>(departmentIds.map((d) => [d, 0]));
  for (const day of obligationDays) {
    for (const departmentId of departmentIds) {
      const status = best.get(key(departmentId, day)) ?? 'MISSING';
      const fined = status !== 'ON_TIME';
      if (fined) counts.set(departmentId, (counts.get(departmentId) ?? 0) + 1);
      verdicts.push({ day, departmentId, status, fineFen: fined ? SHEET_FINE_FEN : 0 });
    }
  }
  const byDepartment = departmentIds.map((departmentId) => {
    const fines = counts.get(departmentId) ?? 0;
    return { departmentId, fines, totalFen: fines * SHEET_FINE_FEN };
  });
  return { verdicts, byDepartment };
}
