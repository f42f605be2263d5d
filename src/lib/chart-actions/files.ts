/**
 * Names and contents of chart downloads. Every file name carries the chart id and the data
 * release: `irregular-residence-comparison_2026.11.23-92f589b1.csv`.
 */
import Papa from 'papaparse';
import { ESCAPE_FORMULAE } from '../csv-safety.ts';
import type { Row } from '../charts/spec.ts';

export function downloadName(chartId: string, releaseId: string | null, ext: 'csv' | 'svg' | 'png'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(chartId)}_${safe(releaseId ?? 'unreleased')}.${ext}`;
}

/**
 * The chart part of a file name: the spec id for a chart drawn as registered (its own spec), else
 * the title as a slug, so the generic specs that pages retitle (`series-lines` on country and
 * series pages) give `japan-people-without-legal-residence_<release>.png`.
 */
export function fileBase(specId: string, title: string, ownSpec: boolean): string {
  if (ownSpec) return specId;
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || specId;
}

/** Columns a chart CSV leads with, when present; any other column follows in its own order. */
const LEADING = ['series_id', 'label', 'series_title', 'country_code', 'country_name', 'period', 'ref_date', 'value', 'low', 'high', 'unit', 'value_kind'];
/** Columns that only serve the drawing. */
const DRAWING_ONLY = new Set(['line_id']);

/** The CSV columns for a dataset, from the columns the chart uses (stable whatever the view). */
export function csvColumns(columns: string[]): string[] {
  const cols = columns.filter((c) => !DRAWING_ONLY.has(c));
  return [...LEADING.filter((c) => cols.includes(c)), ...cols.filter((c) => !LEADING.includes(c))];
}

/** RFC 4180 CSV (header, comma, CRLF-free `\n` lines, empty cell = null), as the published files. */
export function rowsToCsv(rows: Row[], columns: string[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : r[c])));
  return `${Papa.unparse({ fields: columns, data }, { newline: '\n', quotes: false, escapeFormulae: ESCAPE_FORMULAE })}\n`;
}
