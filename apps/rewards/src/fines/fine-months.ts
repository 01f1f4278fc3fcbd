import { addDays, isBusinessDate } from '@crm/clock';

/** Months listed by one totals request at most (ten years). */
export const MAX_TOTAL_MONTHS = 120;

/** `YYYY-MM` of a business date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The first day of the month `months` before the month of `date` (0: its own month). */
export function monthStartBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Every month from the month of `from` to the month of `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthStartBefore(from, 0); monthOf(m) <= monthOf(to); m = addDays(m, 32).slice(0, 8) + '01') months.push(monthOf(m));
  return months;
}

/**
 * The period of a totals request, business dates inclusive: `to` defaults to today, `from` to the start of the
 * month eleven months earlier (a year of months). Answers the period or what is wrong with it.
 */
export function totalsPeriod(asked: { from?: string; to?: string }, today: string): { from: string; to: string } | string {
  for (const [name, value] of Object.entries(asked)) {
    if (value !== undefined && !isBusinessDate(value)) return `${name} must be a date YYYY-MM-DD, got "${value}"`;
  }
  const to = asked.to ?? today;
  const from = asked.from ?? monthStartBefore(to, 11);
  if (from > to) return `from (${from}) is after to (${to})`;
  if (monthsBetween(from, to).length > MAX_TOTAL_MONTHS) return `a period covers at most ${MAX_TOTAL_MONTHS} months`;
  return { from, to };
}
