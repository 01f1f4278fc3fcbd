import { isTakeover, mayInvite } from './invitation-rules';

const [A, B, C] = ['dept-a', 'dept-b', 'dept-c'];

describe('J-2: who may invite whom', () => {
  it.each([
    // inviter, meeting departments, owner, under-served, allowed
    [A, [A], A, false, true],
    [A, [A], B, false, false],
    [A, [A], B, true, true],
    [B, [A], B, false, false], // not in the meeting at all
    [B, [A], B, true, false],
    [A, [A, B], B, false, true],
    [B, [A, B], A, false, true],
    [A, [A, B], C, false, false],
    [A, [A, B], C, true, true],
    [C, [A, B], C, true, false],
    [C, [A, B], A, false, false],
    [B, [A, B, C], C, false, true],
  ])('%s inviting in %j a customer of %s (under-served %s): %s', (inviter, meeting, owner, underServed, allowed) => {
    expect(mayInvite({ inviterDepartmentId: inviter, meetingDepartmentIds: meeting, ownerDepartmentId: owner, underServed })).toBe(allowed);
  });
});

describe('isTakeover (V-2)', () => {
  it.each<[string, { inviterDepartmentId: string; ownerDepartmentId: string; underServed: boolean }, boolean]>([
    ["another department's under-served customer", { inviterDepartmentId: 'B', ownerDepartmentId: 'A', underServed: true }, true],
    ["the department's own under-served customer", { inviterDepartmentId: 'A', ownerDepartmentId: 'A', underServed: true }, false],
    ["another department's served customer (a joint meeting shares them)", { inviterDepartmentId: 'B', ownerDepartmentId: 'A', underServed: false }, false],
  ])('%s → %s', (_label, input, expected) => {
    expect(isTakeover(input)).toBe(expected);
  });
});
