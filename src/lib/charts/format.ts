/**
 * Formatting shared by the SVG, the tooltips, the data table and the text alternative, so the same
 * number reads the same everywhere, in the chart's language (./locale.ts; src/lib/i18n/format.ts
 * holds every language's forms).
 */
import { VALUE_KIND_LABELS } from '../domain/labels.ts';
import { chartFormats, tx } from './locale.ts';

/** 391,000 / 12.5 (one decimal only when the value has one). */
export function formatNumber(v: number | null | undefined): string {
  return chartFormats().number(v);
}

/** 391K / 1.2M, for axis ticks. */
export function formatCompact(v: number): string {
  return chartFormats().compact(v);
}

/**
 * A date as precise as it is known: `2025-01-01` → 1 January 2025, `2005-02` → February 2005,
 * `2005` → 2005. Built and formatted in UTC, so time zones can never shift the day.
 */
export function formatFuzzyDate(s: string | null | undefined): string {
  return chartFormats().fuzzyDate(s);
}

/**
 * A published period in words: `2024` (calendar year), `2024-Q3`, `2024-H1`, `2024-10`, or a
 * reference date (`2025-01-01` → 1 January 2025).
 */
export function formatPeriod(p: string | null | undefined): string {
  return chartFormats().period(p);
}

/**
 * The window of a total over a period, after "over": whole calendar years read as years
 * (`2013-01-01`..`2022-12-31` → 2013 to 2022; one year → 2013), other windows as dates
 * (10 June 2024 to 31 December 2024).
 */
export function formatWindow(start: string | null | undefined, end: string | null | undefined): string {
  if (!start || !end) return '–';
  const a = start.slice(0, 10);
  const b = end.slice(0, 10);
  if (a.endsWith('-01-01') && b.endsWith('-12-31')) return a.slice(0, 4) === b.slice(0, 4) ? a.slice(0, 4) : tx('{from} to {to}', { from: a.slice(0, 4), to: b.slice(0, 4) });
  return tx('{from} to {to}', { from: formatFuzzyDate(a), to: formatFuzzyDate(b) });
}

/** Value kind in plain words. */
export function formatKind(kind: string | null | undefined): string {
  if (!kind) return '–';
  return VALUE_KIND_LABELS[kind] ? tx(VALUE_KIND_LABELS[kind]) : kind.replaceAll('_', ' ');
}

/** Parses `YYYY-MM-DD` as a UTC date (Plot's time scale works in UTC by default). */
export function parseDate(s: string): Date {
  return new Date(`${s.slice(0, 10)}T00:00:00Z`);
}
