/**
 * The text alternative of a chart, generated from the rows in view: what is drawn, then the
 * first and latest value of each line. Used as the figure's aria-describedby summary at build
 * time and rewritten (with textContent) after each redraw in the browser.
 */
import { drawsWindows, type ChartRows, type ChartSpec, type Row } from './spec.ts';
import { formatKind, formatNumber, formatPeriod, formatWindow } from './format.ts';
import { viewYears, type DrawState } from './plot-options.ts';
import { tx, txn } from './locale.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** "on 1 May 1991" for a reference date, "in 2010" / "in Q3 2024" otherwise. */
function when(period: unknown): string {
  const p = String(period);
  return /^\d{4}-\d{2}-\d{2}$/.test(p) ? tx('on {date}', { date: formatPeriod(p) }) : tx('in {period}', { period: formatPeriod(p) });
}

function valueText(spec: ChartSpec, r: Row): string {
  const enc = spec.encodings;
  const v = num(r[enc.y]);
  const lo = enc.low ? num(r[enc.low]) : null;
  const hi = enc.high ? num(r[enc.high]) : null;
  const range = lo !== null && hi !== null ? tx('{from} to {to}', { from: formatNumber(lo), to: formatNumber(hi) }) : null;
  if (v !== null) return range ? tx('{value} (range {range})', { value: formatNumber(v), range }) : formatNumber(v);
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
  if (!lines.size) return tx('{title}: no data for the selected countries and years.', { title: spec.title });
  const view = [
    state.from !== undefined && state.to !== undefined ? (([a, b]) => tx('{from} to {to}', { from: a, to: b }))(viewYears(spec, rows, state)) : null,
    state.scale === 'log' ? tx('log scale') : null,
    state.mode === 'indexed' ? tx('each line indexed to its first value shown = 100') : null,
  ].filter(Boolean);
  parts.push(`${spec.title}${view.length ? ` (${view.join(tx(', '))})` : ''}. ${txn(lines.size, '{n} line.', '{n} lines.')}`);
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
          ? tx('{label} ({kind}): {first} {firstWhen}, latest {last} {lastWhen}.', { label, kind, first: valueText(spec, first), firstWhen: when(first.period), last: valueText(spec, last), lastWhen: when(last.period) })
          : tx('{label} ({kind}): {value} {when}.', { label, kind, value: valueText(spec, last), when: when(last.period) }),
      );
    }
    if (windows.length) {
      const totals = windows.map((r) => tx('{value} over {window}', { value: valueText(spec, r), window: formatWindow(String(r.window_start), String(r.window_end)) }));
      parts.push(tx('{label}, totals over a window (drawn as brackets): {totals}.', { label, totals: totals.join(tx('; ')) }));
    }
  }
  for (const layer of spec.layers) {
    if (!(state.layers ?? []).includes(layer.layer)) continue;
    const n = (rows[layer.dataset] ?? []).length;
    parts.push(tx('{layer}: {n} marked under the time axis.', { layer: layer.label, n }));
  }
  return parts.join(' ');
}
