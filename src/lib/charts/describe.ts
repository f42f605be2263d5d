/**
 * The text alternative of a chart, generated from the rows in view: what is drawn, then the
 * first and latest value of each line. Used as the figure's aria-describedby summary at build
 * time and rewritten (with textContent) after each redraw in the browser.
 */
import { drawsWindows, type ChartRows, type ChartSpec, type Row } from './spec.ts';
import { formatKind, formatNumber, formatPeriod, formatWindow } from './format.ts';
import { viewYears, type DrawState } from './plot-options.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** "on 1 May 1991" for a reference date, "in 2010" / "in Q3 2024" otherwise. */
function when(period: unknown): string {
  const p = String(period);
  return /^\d{4}-\d{2}-\d{2}$/.test(p) ? `on ${formatPeriod(p)}` : `in ${formatPeriod(p)}`;
}

function valueText(spec: ChartSpec, r: Row): string {
  const enc = spec.encodings;
  const v = num(r[enc.y]);
  const lo = enc.low ? num(r[enc.low]) : null;
  const hi = enc.high ? num(r[enc.high]) : null;
  const range = lo !== null && hi !== null ? `${formatNumber(lo)} to ${formatNumber(hi)}` : null;
  if (v !== null) return range ? `${formatNumber(v)} (range ${range})` : formatNumber(v);
  return range ?? '–';
}

export function describeTimeComparison(spec: ChartSpec, rows: ChartRows, state: DrawState): string {
  const enc = spec.encodings;
  const data = rows[enc.dataset] ?? [];
  const lines = new Map<string, Row[]>();
  for (const r of data) {
    const k = String(r[enc.line]);
    if (!lines.has(k)) lines.set(k, []);
    lines.get(k)!.push(r);
  }
  const parts: string[] = [];
  if (!lines.size) return `${spec.title}: no data for the selected countries and years.`;
  const view = [
    state.from !== undefined && state.to !== undefined ? `${viewYears(spec, rows, state).join(' to ')}` : null,
    state.scale === 'log' ? 'log scale' : null,
    state.mode === 'indexed' ? 'each line indexed to its first value shown = 100' : null,
  ].filter(Boolean);
  parts.push(`${spec.title}${view.length ? ` (${view.join(', ')})` : ''}. ${lines.size} line${lines.size > 1 ? 's' : ''}.`);
  // Totals over a window are told apart from the line's values at a date or in a year.
  const isWindow = (r: Row) => drawsWindows(spec) && typeof r.window_start === 'string' && typeof r.window_end === 'string';
  for (const rs of lines.values()) {
    const sorted = [...rs].sort((a, b) => String(a[enc.x]).localeCompare(String(b[enc.x])));
    const own = sorted.filter((r) => !isWindow(r));
    const windows = sorted.filter(isWindow);
    const label = String(sorted[sorted.length - 1][enc.label]);
    if (own.length) {
      const first = own[0];
      const last = own[own.length - 1];
      const kind = formatKind(String(last[enc.kind]));
      parts.push(
        own.length > 1
          ? `${label} (${kind}): ${valueText(spec, first)} ${when(first.period)}, latest ${valueText(spec, last)} ${when(last.period)}.`
          : `${label} (${kind}): ${valueText(spec, last)} ${when(last.period)}.`,
      );
    }
    if (windows.length) {
      const totals = windows.map((r) => `${valueText(spec, r)} over ${formatWindow(String(r.window_start), String(r.window_end))}`);
      parts.push(`${label}, total${windows.length > 1 ? 's' : ''} over a window (drawn as bracket${windows.length > 1 ? 's' : ''}): ${totals.join('; ')}.`);
    }
  }
  for (const layer of spec.layers) {
    if (!(state.layers ?? []).includes(layer.layer)) continue;
    const n = (rows[layer.dataset] ?? []).length;
    parts.push(`${layer.label}: ${n} marked under the time axis.`);
  }
  return parts.join(' ');
}
