/**
 * Periods and dates: `2024`, `2024-Q3`, `2024-H1`, `2024-10`, `2024-10-31` → first and last day.
 * The regexes in schema.ts accept 2023-02-30; here every date is checked against the calendar.
 */

export interface PeriodRange {
  start: string;
  end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** First/last day of a period, or an error message (not thrown: the caller knows the file/line). */
export function periodRange(period: string): PeriodRange | { error: string } {
  let m = period.match(/^(\d{4})$/);
  if (m) {
    const y = Number(m[1]);
    return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
  }
  m = period.match(/^(\d{4})-Q([1-4])$/);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { start: iso(y, q * 3 - 2, 1), end: iso(y, q * 3, daysInMonth(y, q * 3)) };
  }
  m = period.match(/^(\d{4})-H([12])$/);
  if (m) {
    const y = Number(m[1]);
    return m[2] === '1' ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
  }
  m = period.match(/^(\d{4})-(\d{2})$/);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return { error: `month ${m[2]} does not exist` };
    return { start: iso(y, mo, 1), end: iso(y, mo, daysInMonth(y, mo)) };
  }
  m = period.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, d)) return { error: `${period} is not a calendar date` };
    return { start: period, end: period };
  }
  return { error: `period "${period}" must be YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD` };
}

/** Same as periodRange for fuzzy dates (YYYY, YYYY-MM, YYYY-MM-DD) of regularizations and rule changes. */
export function fuzzyDateRange(date: string): PeriodRange | { error: string } {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) return { error: `date "${date}" must be YYYY, YYYY-MM or YYYY-MM-DD` };
  return periodRange(date);
}

/** ISO date `years` after `date` (used for the "no more than a year ahead" rule). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = Math.min(d, daysInMonth(y + years, m));
  return iso(y + years, m, day);
}

export function todayIso(now = new Date()): string {
  return iso(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}
