/**
 * J-2: may a department invite a customer to a meeting? Pure, so every case is a unit test.
 * - a meeting of one department: its own customers, and under-served customers of others (V-2);
 * - a joint meeting: customers owned by any participating department (多事业部联合使用顾客资源), and
 *   under-served customers of others.
 * The lock of J-4 and the deadline of J-6 are checked separately: they depend on time and state.
 */
export function mayInvite(input: { inviterDepartmentId: string; meetingDepartmentIds: readonly string[]; ownerDepartmentId: string; underServed: boolean }): boolean {
  if (!input.meetingDepartmentIds.includes(input.inviterDepartmentId)) return false;
  if (input.underServed) return true;
  if (input.meetingDepartmentIds.length === 1) return input.ownerDepartmentId === input.inviterDepartmentId;
  return input.meetingDepartmentIds.includes(input.ownerDepartmentId);
}

/**
 * V-2: an invitation of a customer owned by another department while the customer is under-served files a takeover
 * report (the resource director decides whether the customer moves to the inviting employee). Whether the meeting
 * also shares the customer (J-2, a joint meeting) does not matter: the owning department has not served them.
 */
export function isTakeover(input: { inviterDepartmentId: string; ownerDepartmentId: string; underServed: boolean }): boolean {
  return input.underServed && input.ownerDepartmentId !== input.inviterDepartmentId;
}
