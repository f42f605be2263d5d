/**
 * Tooltip content for one row, by dataset role. The same function feeds the `<title>` of each point
 * in the server-rendered SVG (read by screen readers and shown natively without JavaScript) and the
 * rich tooltip in the browser, which renders it with textContent only.
 *
 * Column contract per role (the spec's SQL must return these names; `meta` rows are never drawn):
 *  - series:         label, period, value, low, high, value_kind, unit, source_publisher,
 *                    source_title, source_url (low/high may be null); optionally window_start and
 *                    window_end for a total over a window (charts that draw windows), and
 *                    vintage (publication date of the source; competing estimates)
 *  - regularization: name_en, start_date, end_date (fuzzy dates as text), applications, approvals,
 *                    source_publisher, source_title, source_url
 *  - rule_change:    title_en, date, date_kind, direction, source_publisher, source_title, source_url
 *
 * Kept free of zod and Plot: the light client module imports it before anything heavy loads.
 */
import type { DatasetRole, Row } from './spec.ts';
import { formatFuzzyDate, formatKind, formatNumber, formatPeriod, formatWindow } from './format.ts';
import { DIRECTION_LABELS } from '../domain/labels.ts';
import { DATE_KIND_LABELS } from '../domain/vocabulary.ts';
import { tx } from './locale.ts';

export interface TipContent {
  heading: string;
  lines: string[];
  /** Source line and link, shown last. */
  source?: { text: string; href: string | null };
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function sourceOf(row: Row): TipContent['source'] {
  const publisher = str(row.source_publisher);
  const title = str(row.source_title);
  if (!publisher && !title) return undefined;
  return { text: [publisher, title].filter(Boolean).join(': '), href: str(row.source_url) };
}

export const UNIT_WORDS: Record<string, string> = { persons: '{n} people', thousand_persons: '{n} thousand people' };

export function tipContent(role: DatasetRole, row: Row): TipContent {
  if (role === 'series') {
    const v = num(row.value);
    const lo = num(row.low);
    const hi = num(row.high);
    const unit = UNIT_WORDS[String(row.unit)];
    const lines: string[] = [];
    if (v !== null) lines.push(unit ? tx(unit, { n: formatNumber(v) }) : `${formatNumber(v)} ${str(row.unit) ?? ''}`.trim());
    if (lo !== null || hi !== null) lines.push(tx('Range: {from} to {to}', { from: formatNumber(lo), to: formatNumber(hi) }));
    // A total over a window (columns window_start/window_end, where a chart draws windows) says so.
    const from = str(row.window_start);
    const to = str(row.window_end);
    const vintage = str(row.vintage);
    lines.push(from && to ? tx('Total over {window}', { window: formatWindow(from, to) }) + ` · ${formatKind(str(row.value_kind))}` : `${formatPeriod(str(row.period))} · ${formatKind(str(row.value_kind))}`);
    // Where a chart gives the publication date of the point's source (its vintage), say it.
    if (vintage) lines.push(tx('Published {date}', { date: formatFuzzyDate(vintage) }));
    return { heading: str(row.label) ?? '', lines, source: sourceOf(row) };
  }
  if (role === 'regularization') {
    const start = str(row.start_date);
    const end = str(row.end_date);
    const lines: string[] = [];
    lines.push(end && end !== start ? tx('{from} to {to}', { from: formatFuzzyDate(start), to: formatFuzzyDate(end) }) : formatFuzzyDate(start));
    const approvals = num(row.approvals);
    const applications = num(row.applications);
    lines.push(approvals !== null ? tx('{n} granted status', { n: formatNumber(approvals) }) : tx('Number granted not known'));
    if (applications !== null) lines.push(tx('{n} applications', { n: formatNumber(applications) }));
    return { heading: str(row.name_en) ?? '', lines, source: sourceOf(row) };
  }
  const kind = str(row.date_kind);
  const when = `${formatFuzzyDate(str(row.date))}${kind ? ` (${DATE_KIND_LABELS[kind] ? tx(DATE_KIND_LABELS[kind]) : kind})` : ''}`;
  const lines = [when];
  const direction = str(row.direction);
  if (direction) lines.push(tx('Direction: {direction}', { direction: DIRECTION_LABELS[direction] ? tx(DIRECTION_LABELS[direction]).toLocaleLowerCase() : direction }));
  return { heading: str(row.title_en) ?? '', lines, source: sourceOf(row) };
}

/**
 * One line of plain text for the `<title>` of a point (native tooltip, accessible name). The source
 * is left out: it is in the rich tooltip, the data table and the source list, and repeating long
 * document titles on every point would double the page.
 */
export function tipText(role: DatasetRole, row: Row): string {
  const t = tipContent(role, row);
  return [t.heading, ...t.lines].filter(Boolean).join('. ');
}

/** Columns each role needs in the browser (tooltips and redraw); the rest stays on the server. */
export const ROLE_COLUMNS: Record<DatasetRole, string[]> = {
  series: ['label', 'period', 'value', 'low', 'high', 'value_kind', 'unit', 'source_publisher', 'source_title', 'source_url'],
  regularization: ['name_en', 'start_date', 'end_date', 'applications', 'approvals', 'source_publisher', 'source_title', 'source_url'],
  rule_change: ['title_en', 'date', 'date_kind', 'direction', 'source_publisher', 'source_title', 'source_url'],
  meta: [],
};
