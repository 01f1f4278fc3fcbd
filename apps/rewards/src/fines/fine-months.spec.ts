import { monthsBetween, monthStartBefore, totalsPeriod } from './fine-months';

describe('months of fine totals', () => {
  it.each([
    ['2026-03-15', 0, '2026-03-01'],
    ['2026-03-15', 2, '2026-01-01'],
    ['2026-03-15', 3, '2025-12-01'],
    ['2026-12-31', 11, '2026-01-01'],
    ['2026-01-01', 13, '2024-12-01'],
  ])('the month start %i months before %s', (date, months, start) => {
    expect(monthStartBefore(date, months as number)).toBe(start);
  });

  it('lists the months of a period, across a year end', () => {
    expect(monthsBetween('2025-11-30', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-01-31', '2026-01-31')).toEqual(['2026-01']);
  });

  it('defaults to a year of months ending today', () => {
    expect(totalsPeriod({}, '2026-03-09')).toEqual({ from: '2025-04-01', to: '2026-03-09' });
    expect(totalsPeriod({ to: '2026-01-20' }, '2026-03-09')).toEqual({ from: '2025-02-01', to: '2026-01-20' });
    expect(totalsPeriod({ from: '2026-01-05', to: '2026-01-20' }, '2026-03-09')).toEqual({ from: '2026-01-05', to: '2026-01-20' });
  });

  it.each([
    [{ from: '2026-02-30' }, /from must be a date/],
    [{ to: '2026-13' }, /to must be a date/],
    [{ from: '2026-03-02', to: '2026-03-01' }, /is after/],
    [{ from: '2000-01-01', to: '2026-03-01' }, /at most 120 months/],
  ])('refuses %p', (asked, problem) => {
    expect(totalsPeriod(asked, '2026-03-09')).toMatch(problem);
  });
});
