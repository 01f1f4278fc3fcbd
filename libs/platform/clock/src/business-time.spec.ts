import { addDays, businessDate, daysBetween, isBusinessDate, minutesOfDay, zonedInstant } from './business-time';
import { FixedClock, OffsetClock } from './clock';

const TZ = 'Asia/Shanghai';

describe('business time', () => {
  it.each([
    ['2026-03-01T09:59:59Z', '2026-03-01', 17 * 60 + 59],
    ['2026-03-01T10:00:00Z', '2026-03-01', 18 * 60],
    ['2026-03-01T15:59:59Z', '2026-03-01', 23 * 60 + 59],
    ['2026-03-01T16:00:00Z', '2026-03-02', 0],
    ['2026-12-31T16:00:00Z', '2027-01-01', 0],
  ])('%s is %s at minute %i in Shanghai', (iso, date, minutes) => {
    expect(businessDate(new Date(iso), TZ)).toBe(date);
    expect(minutesOfDay(new Date(iso), TZ)).toBe(minutes);
  });

  it('finds the instant of a wall-clock time', () => {
    expect(zonedInstant('2026-03-01', '18:00', TZ).toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(zonedInstant('2026-03-01', '00:00', TZ).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    // A zone with daylight saving time: 10:00 in New York is 14:00Z in summer, 15:00Z in winter.
    expect(zonedInstant('2026-07-01', '10:00', 'America/New_York').toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(zonedInstant('2026-01-15', '10:00', 'America/New_York').toISOString()).toBe('2026-01-15T15:00:00.000Z');
  });

  it('does calendar arithmetic on business dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -7)).toBe('2026-02-22');
    expect(daysBetween('2026-02-22', '2026-03-01')).toBe(7);
  });

  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-01-01', true],
  ])('isBusinessDate(%s) is %s', (value, ok) => expect(isBusinessDate(value)).toBe(ok));
});

describe('clocks', () => {
  it('a fixed clock moves only when told', () => {
    const c = new FixedClock(new Date('2026-03-01T00:00:00Z'));
    c.advance(60_000);
    expect(c.now().toISOString()).toBe('2026-03-01T00:01:00.000Z');
  });

  it('an offset clock runs ahead by its offset', () => {
    const c = new OffsetClock();
    c.setOffset(86_400_000);
    const ahead = c.now().getTime() - Date.now();
    expect(ahead).toBeGreaterThan(86_400_000 - 1000);
    expect(ahead).toBeLessThanOrEqual(86_400_000);
  });
});
