import { SlaState } from './complaint-enums';
import { dueAtOf, isOverdue, resolvedInTime, slaAfterReopening, slaAfterResolution } from './deadline';

const filed = new Date('2030-03-01T09:30:00.000Z');
const plus = (ms: number) => new Date(filed.getTime() + ms);
const H = 3_600_000;
const M = 60_000;

describe('C-4 deadline arithmetic', () => {
  it.each([
    [72, '2030-03-04T09:30:00.000Z'],
    [1, '2030-03-01T10:30:00.000Z'],
    [24, '2030-03-02T09:30:00.000Z'],
    [48, '2030-03-03T09:30:00.000Z'],
    [168, '2030-03-08T09:30:00.000Z'],
  ])('%i hours after filing is %s', (hours, due) => {
    expect(dueAtOf(filed, hours).toISOString()).toBe(due);
  });

  it('counts hours, not business days: a month end and a leap day are no different', () => {
    expect(dueAtOf(new Date('2028-02-27T16:00:00.000Z'), 72).toISOString()).toBe('2028-03-01T16:00:00.000Z');
    expect(dueAtOf(new Date('2030-12-30T23:59:59.999Z'), 72).toISOString()).toBe('2031-01-02T23:59:59.999Z');
  });

  const due = dueAtOf(filed, 72);
  it.each([
    ['71:59', 71 * H + 59 * M, false],
    ['72:00 exactly', 72 * H, false],
    ['72:00 and 1 ms', 72 * H + 1, true],
    ['72:01', 72 * H + M, true],
    ['at filing', 0, false],
    ['a week later', 168 * H, true],
  ])('at %s after filing it is overdue: %s', (_label, offset, overdue) => {
    expect(isOverdue(due, plus(offset))).toBe(overdue);
    expect(resolvedInTime(due, plus(offset))).toBe(!overdue);
  });

  it.each([
    [SlaState.PENDING, 71 * H, SlaState.MET],
    [SlaState.PENDING, 72 * H, SlaState.MET],
    [SlaState.PENDING, 72 * H + M, SlaState.PENDING],
    [SlaState.BREACHED, 73 * H, SlaState.BREACHED],
    [SlaState.BREACHED, 1 * H, SlaState.BREACHED],
  ])('a resolution of a %s complaint at +%i ms leaves it %s', (current, offset, next) => {
    expect(slaAfterResolution(current, due, plus(offset))).toBe(next);
  });

  it.each([
    [SlaState.MET, SlaState.PENDING],
    [SlaState.PENDING, SlaState.PENDING],
    [SlaState.BREACHED, SlaState.BREACHED],
  ])('a reopening of a %s complaint leaves it %s (the due time stays)', (current, next) => {
    expect(slaAfterReopening(current)).toBe(next);
  });
});
