import { daysToReconcile } from './sheet-reconciliation';
import { SheetFines, sheetFines, SHEET_FINE_FEN, SheetRecord } from './sheet-fines';
import { SheetMeeting, sheetRulesConfig } from './sheet-rules.config';
import { classifySubmission } from './sheet-submission';
import { sheetDays } from './sheet-window';

const config = sheetRulesConfig({ tz: 'Asia/Shanghai' });
const meeting: SheetMeeting = { date: '2026-03-10', slot: 'AFTERNOON' };
const sh = (local: string) => new Date(`${local}+08:00`);

/** Runs hand-ins through the J-3 classification in time order, as the service would record them. */
function handIn(submissions: [departmentId: string, local: string][]): SheetRecord[] {
  const records: SheetRecord[] = [];
  const ordered = [...submissions].sort((a, b) => sh(a[1]).getTime() - sh(b[1]).getTime());
  for (const [departmentId, local] of ordered) {
    const v = classifySubmission({ submittedAt: sh(local), meeting }, config);
    if (v.kind === 'ACCEPTED') records.push({ departmentId, forDay: v.forDay, late: v.late });
  }
  return records;
}

const statusTable = (f: SheetFines) => {
  const table: Record<string, string[]> = {};
  for (const v of f.verdicts) (table[v.departmentId] ??= []).push(v.status);
  return table;
};

describe('sheetFines (J-7)', () => {
  it('is 10 yuan a fine', () => expect(SHEET_FINE_FEN).toBe(1000));

  describe('a whole 8-day window (afternoon meeting on 2026-03-10)', () => {
    const days = sheetDays(meeting, config).map((d) => d.day);
    const records = handIn([
      // A: on time every day, the meeting day included.
      ...days.slice(0, 7).map((d): [string, string] => ['A', `${d}T17:00:00.000`]),
      ['A', '2026-03-10T09:00:00.000'],
      // B: late on 03-04 (19:00), nothing on 03-07, nothing on the meeting day.
      ['B', '2026-03-03T12:00:00.000'],
      ['B', '2026-03-04T19:00:00.000'],
      ['B', '2026-03-05T17:59:59.999'],
      ['B', '2026-03-06T10:00:00.000'],
      ['B', '2026-03-08T11:00:00.000'],
      ['B', '2026-03-09T08:00:00.000'],
      ['B', '2026-03-10T10:00:00.000'], // closed: too late for the meeting day, recorded nowhere
      // C: 03-03 at exactly 18:00 (late), 03-05 twice (the second, after 18:00, is a late supplement of 03-05 and
      // never takes the place of 03-06's own sheet, J-3: 03-06 is missing), 03-07's sheet brought the next
      // morning (so it is 03-08's, and 03-07 is missing), 03-09 at the last ms.
      ['C', '2026-03-03T18:00:00.000'],
      ['C', '2026-03-04T09:00:00.000'],
      ['C', '2026-03-05T10:00:00.000'],
      ['C', '2026-03-05T20:00:00.000'],
      ['C', '2026-03-08T08:00:00.000'],
      ['C', '2026-03-09T17:59:59.999'],
      ['C', '2026-03-10T09:59:59.999'],
      // D: hands in nothing.
    ]);
    const fines = sheetFines(days, ['A', 'B', 'C', 'D'], records);

    it('gives each department and day its status', () => {
      expect(statusTable(fines)).toEqual({
        A: ['ON_TIME', 'ON_TIME', 'ON_TIME', 'ON_TIME', 'ON_TIME', 'ON_TIME', 'ON_TIME', 'ON_TIME'],
        B: ['ON_TIME', 'LATE', 'ON_TIME', 'ON_TIME', 'MISSING', 'ON_TIME', 'ON_TIME', 'MISSING'],
        C: ['LATE', 'ON_TIME', 'ON_TIME', 'MISSING', 'MISSING', 'ON_TIME', 'ON_TIME', 'ON_TIME'],
        D: ['MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING', 'MISSING'],
      });
    });

    it('fines each LATE or MISSING day 10 yuan', () => {
      expect(fines.byDepartment).toEqual([
        { departmentId: 'A', fines: 0, totalFen: 0 },
        { departmentId: 'B', fines: 3, totalFen: 3000 },
        { departmentId: 'C', fines: 3, totalFen: 3000 },
        { departmentId: 'D', fines: 8, totalFen: 8000 },
      ]);
      for (const v of fines.verdicts) expect(v.fineFen).toBe(v.status === 'ON_TIME' ? 0 : SHEET_FINE_FEN);
    });

    it('lists verdicts by day, then in department order', () => {
      expect(fines.verdicts).toHaveLength(32);
      expect(fines.verdicts.slice(0, 5).map((v) => [v.day, v.departmentId])).toEqual([
        ['2026-03-03', 'A'],
        ['2026-03-03', 'B'],
        ['2026-03-03', 'C'],
        ['2026-03-03', 'D'],
        ['2026-03-04', 'A'],
      ]);
    });

    it.each<[string, number[]]>([
      ['2026-03-02T23:00:00.000', [0, 0, 0, 0]],
      ['2026-03-03T18:00:00.000', [0, 0, 1, 1]],
      ['2026-03-07T18:00:00.000', [0, 2, 3, 5]],
      ['2026-03-10T09:59:59.999', [0, 2, 3, 7]],
      ['2026-03-10T10:00:00.000', [0, 3, 3, 8]],
    ])('counts only days already due: at %s fines are %j', (local, expected) => {
      const due = daysToReconcile(meeting, sh(local), config).map((d) => d.day);
      expect(sheetFines(due, ['A', 'B', 'C', 'D'], records).byDepartment.map((d) => d.fines)).toEqual(expected);
    });
  });

  it.each<[string, SheetRecord[], string]>([
    ['no sheet', [], 'MISSING'],
    ['an on-time sheet', [{ departmentId: 'A', forDay: '2026-03-05', late: false }], 'ON_TIME'],
    ['a late sheet', [{ departmentId: 'A', forDay: '2026-03-05', late: true }], 'LATE'],
    [
      'a late and an on-time sheet, either order',
      [
        { departmentId: 'A', forDay: '2026-03-05', late: true },
        { departmentId: 'A', forDay: '2026-03-05', late: false },
        { departmentId: 'A', forDay: '2026-03-05', late: true },
      ],
      'ON_TIME',
    ],
    ['a sheet for another day', [{ departmentId: 'A', forDay: '2026-03-06', late: false }], 'MISSING'],
    ['another department’s sheet', [{ departmentId: 'B', forDay: '2026-03-05', late: false }], 'MISSING'],
  ])('one day, department A with %s: %s', (_label, sheets, status) => {
    const f = sheetFines(['2026-03-05'], ['A', 'B'], sheets);
    expect(f.verdicts[0]).toEqual({ day: '2026-03-05', departmentId: 'A', status, fineFen: status === 'ON_TIME' ? 0 : 1000 });
  });

  it('is empty without days or departments', () => {
    expect(sheetFines([], ['A'], [])).toEqual({ verdicts: [], byDepartment: [{ departmentId: 'A', fines: 0, totalFen: 0 }] });
    expect(sheetFines(['2026-03-05'], [], [])).toEqual({ verdicts: [], byDepartment: [] });
  });

  it.each<[string, string[], string[], SheetRecord[]]>([
    ['a sheet of an unlisted department', ['2026-03-05'], ['A'], [{ departmentId: 'Z', forDay: '2026-03-05', late: false }]],
    ['a day listed twice', ['2026-03-05', '2026-03-05'], ['A'], []],
    ['a department listed twice', ['2026-03-05'], ['A', 'A'], []],
  ])('rejects %s', (_label, days, departments, sheets) => {
    expect(() => sheetFines(days, departments, sheets)).toThrow(RangeError);
  });
});
