/**
 * Planned invitations on a daily sheet (docs/rules.md J-3; source text 三.1: "第二事业部经理把本部当天邀约敲定顾客
 * 档案表和第二天计划邀约顾客名单投入…计划邀约工作第一事业部要比第二事业部提前一天来完成").
 *
 * Every department but the first in the meeting's department order lists its planned invitations for the
 * next day; the first department's planned list must be empty. `departmentIndex` is the 0-based position
 * in the meeting's department order.
 */

export type PlannedListProblem = 'PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT';

function assertIndex(departmentIndex: number): void {
  if (!Number.isInteger(departmentIndex) || departmentIndex < 0) {
    throw new RangeError(`departmentIndex must be a whole number >= 0, got ${departmentIndex}`);
  }
}

/** J-3: whether the department at `departmentIndex` lists planned invitations for the next day. */
export function mayListPlanned(departmentIndex: number): boolean {
  assertIndex(departmentIndex);
  return departmentIndex > 0;
}

/** J-3: the problem with a sheet carrying `plannedCount` planned invitations, or null if none. */
export function plannedListProblem(departmentIndex: number, plannedCount: number): PlannedListProblem | null {
  assertIndex(departmentIndex);
  if (!Number.isInteger(plannedCount) || plannedCount < 0) {
    throw new RangeError(`plannedCount must be a whole number >= 0, got ${plannedCount}`);
  }
  return plannedCount > 0 && !mayListPlanned(departmentIndex) ? 'PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT' : null;
}
