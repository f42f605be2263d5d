/**
 * Cell text for the data table, shared by DataTable.astro (build) and the browser redraw, so both
 * print the same thing. Plain text only: links are built by the caller from `cellHref`.
 */
import type { Row, TableColumn } from './spec.ts';
import { formatKind, formatNumber, formatPeriod, formatWindow } from './format.ts';

export function cellText(col: TableColumn, row: Row): string {
  const v = row[col.key];
  if (v === null || v === undefined || v === '') return col.format === 'number' ? '–' : '';
  switch (col.format) {
    case 'number':
      return typeof v === 'number' ? formatNumber(v) : String(v);
    case 'date':
      return formatPeriod(String(v));
    case 'kind':
      return formatKind(String(v));
    case 'window':
      return `over ${formatWindow(String(v), col.end ? String(row[col.end] ?? '') : null)}`;
    default:
      return String(v);
  }
}

/** The link of a 'link' column, only when it is an http(s) URL. */
export function cellHref(col: TableColumn, row: Row): string | null {
  if (col.format !== 'link' || !col.href) return null;
  const href = row[col.href];
  return typeof href === 'string' && /^https?:\/\//.test(href) ? href : null;
}
