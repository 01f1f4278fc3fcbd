import { countsAsHomeVisit, isUnderServed, underServedFrom, windowStart } from './adequacy-window';

const DAY = 24 * 60 * 60 * 1000;
const joined = new Date('2031-01-01T02:00:00.000Z');
const at = (days: number, ms = 0) => new Date(joined.getTime() + days * DAY + ms);

describe('the 3-month rule (V-2)', () => {
  it.each([
    [0, false],
    [1, false],
    [89, false],
    [90, true],
    [91, true],
    [365, true],
  ])('day %i after joining with no service: under-served %s', (day, expected) => {
    expect(isUnderServed(windowStart(joined, null), at(day), 90)).toBe(expected);
  });

  it('turns at the exact instant 90 days on, not a millisecond before', () => {
    expect(isUnderServed(joined, at(90, -1), 90)).toBe(false);
    expect(isUnderServed(joined, at(90), 90)).toBe(true);
    expect(underServedFrom(joined, 90)).toEqual(at(90));
  });

  it('counts from the later of joining/assignment and the last service', () => {
    expect(windowStart(joined, at(30))).toEqual(at(30));
    expect(windowStart(at(50), at(30))).toEqual(at(50));
    expect(windowStart(joined, null)).toEqual(joined);
    // served on day 30: under-served from day 120, not 90
    expect(isUnderServed(windowStart(joined, at(30)), at(119), 90)).toBe(false);
    expect(isUnderServed(windowStart(joined, at(30)), at(120), 90)).toBe(true);
  });

  it('gives a newly assigned owner the whole window', () => {
    const assigned = at(200);
    expect(isUnderServed(windowStart(assigned, at(10)), at(289), 90)).toBe(false);
    expect(isUnderServed(windowStart(assigned, at(10)), at(290), 90)).toBe(true);
  });

  it('follows a configured window', () => {
    expect(isUnderServed(joined, at(29), 30)).toBe(false);
    expect(isUnderServed(joined, at(30), 30)).toBe(true);
  });

  it.each([
    ['HOME_VISIT', 'd1', 'd1', true],
    ['HOME_VISIT', 'd2', 'd1', false],
    ['HOME_VISIT', null, 'd1', false],
    ['HOME_VISIT', 'd1', null, false],
    ['PHONE_CALL', 'd1', 'd1', false],
    ['MATERIALS', 'd1', 'd1', false],
    ['DELIVERY', 'd1', 'd1', false],
    ['RECEPTION', 'd1', 'd1', false],
    ['BLOOD_PRESSURE_CHECK', 'd1', 'd1', false],
  ])('a %s by department %s of a customer of %s counts: %s', (kind, by, owning, expected) => {
    expect(countsAsHomeVisit(kind, by, owning)).toBe(expected);
  });
});
