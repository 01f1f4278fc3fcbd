import { ComplaintChannel } from './complaint-enums';
import { finesOnBreach, finesOnFiling, FinedParties } from './fines';

const employeeId = 'e';
const headId = 'h';
/** The employee's department and the customer's, the same here (as every complaint was before C-3/C-4 named the customer's). */
const d = 'd';
const parties = (customerHeadId: string | null): FinedParties => ({ employeeId, departmentId: d, customerDepartmentId: d, customerHeadId });

describe('fines by channel (C-2, C-3) and on breach (C-4)', () => {
  it.each([
    [ComplaintChannel.DISCOVERED, headId, [{ employeeId, departmentId: d, rule: 'C-2', amountFen: 10_000 }]],
    [ComplaintChannel.DISCOVERED, null, [{ employeeId, departmentId: d, rule: 'C-2', amountFen: 10_000 }]],
    [
      ComplaintChannel.TO_GENERAL_MANAGER,
      headId,
      [
        { employeeId, departmentId: d, rule: 'C-3', amountFen: 10_000 },
        { employeeId: headId, departmentId: d, rule: 'C-3', amountFen: 10_000 },
      ],
    ],
    [ComplaintChannel.TO_GENERAL_MANAGER, null, [{ employeeId, departmentId: d, rule: 'C-3', amountFen: 10_000 }]],
    [ComplaintChannel.TO_GENERAL_MANAGER, employeeId, [{ employeeId, departmentId: d, rule: 'C-3', amountFen: 10_000 }]],
    [ComplaintChannel.HOTLINE, headId, []],
    [ComplaintChannel.VISIT, headId, []],
    [ComplaintChannel.PARTNER, headId, []],
    [ComplaintChannel.OTHER, headId, []],
  ])('a %s complaint (head %s) fines %j when filed', (channel, head, fines) => {
    expect(finesOnFiling(channel, parties(head))).toEqual(fines);
  });

  it('fines the employee and the head 500 yuan each on a breach, whatever the channel', () => {
    expect(finesOnBreach(parties(headId))).toEqual([
      { employeeId, departmentId: d, rule: 'C-4', amountFen: 50_000 },
      { employeeId: headId, departmentId: d, rule: 'C-4', amountFen: 50_000 },
    ]);
  });

  it('fines a head who is the employee concerned once, and only the employee of a department without a head', () => {
    expect(finesOnBreach(parties(employeeId))).toEqual([{ employeeId, departmentId: d, rule: 'C-4', amountFen: 50_000 }]);
    expect(finesOnBreach(parties(null))).toEqual([{ employeeId, departmentId: d, rule: 'C-4', amountFen: 50_000 }]);
  });
});

describe("the head of the customer's department, not the employee's (C-3, C-4)", () => {
  /** An employee of department B about a customer department A owned when the complaint was filed. */
  const acrossDepartments: FinedParties = { employeeId, departmentId: 'B', customerDepartmentId: 'A', customerHeadId: 'headA' };

  it("fines the employee in their department and the customer's department's head in theirs, 100 yuan each (C-3)", () => {
    expect(finesOnFiling(ComplaintChannel.TO_GENERAL_MANAGER, acrossDepartments)).toEqual([
      { employeeId, departmentId: 'B', rule: 'C-3', amountFen: 10_000 },
      { employeeId: 'headA', departmentId: 'A', rule: 'C-3', amountFen: 10_000 },
    ]);
  });

  it("fines the same two 500 yuan each on a breach (C-4); the employee's own head is not fined", () => {
    const fines = finesOnBreach(acrossDepartments);
    expect(fines).toEqual([
      { employeeId, departmentId: 'B', rule: 'C-4', amountFen: 50_000 },
      { employeeId: 'headA', departmentId: 'A', rule: 'C-4', amountFen: 50_000 },
    ]);
  });

  it("fines once an employee who is the customer's department's head, and only the employee when that department has no head", () => {
    expect(finesOnBreach({ ...acrossDepartments, customerHeadId: employeeId })).toEqual([{ employeeId, departmentId: 'B', rule: 'C-4', amountFen: 50_000 }]);
    expect(finesOnFiling(ComplaintChannel.TO_GENERAL_MANAGER, { ...acrossDepartments, customerHeadId: null })).toEqual([
      { employeeId, departmentId: 'B', rule: 'C-3', amountFen: 10_000 },
    ]);
  });

  it('fines only the employee for a DISCOVERED complaint, whichever department owns the customer (C-2)', () => {
    expect(finesOnFiling(ComplaintChannel.DISCOVERED, acrossDepartments)).toEqual([{ employeeId, departmentId: 'B', rule: 'C-2', amountFen: 10_000 }]);
  });
});
