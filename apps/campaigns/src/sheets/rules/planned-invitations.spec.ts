import { mayListPlanned, plannedListProblem } from './planned-invitations';

describe('planned invitations (J-3)', () => {
  it.each([
    [0, false],
    [1, true],
    [2, true],
    [7, true],
  ])('department at index %i may list planned invitations: %s', (index, expected) => {
    expect(mayListPlanned(index)).toBe(expected);
  });

  it.each([
    [0, 0, null],
    [0, 1, 'PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT'],
    [0, 25, 'PLANNED_NOT_ALLOWED_FOR_FIRST_DEPARTMENT'],
    [1, 0, null],
    [1, 3, null],
    [4, 100, null],
  ])('plannedListProblem(%i, %i) is %s', (index, count, expected) => {
    expect(plannedListProblem(index, count)).toBe(expected);
  });

  it.each([[-1], [0.5], [Number.NaN]])('rejects department index %s', (index) => {
    expect(() => mayListPlanned(index)).toThrow(RangeError);
    expect(() => plannedListProblem(index, 0)).toThrow(RangeError);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects planned count %s', (count) => {
    expect(() => plannedListProblem(1, count)).toThrow(RangeError);
  });
});
