/**
 * Kind `competing-estimates`: the estimators of one country on one time axis. Drawn by the
 * time-comparison recipe (dashed lines with hollow points, published ranges as bands, direct
 * labels or a legend for lines that end early), with two differences: each estimator takes an
 * estimator hue (../../domain/estimators.ts) in the order the query lists them, never a country's
 * colour; and the summary and key speak of estimators, grades and vintages.
 *
 * Columns beyond the series role (./tooltip.ts): `estimator`, `grade` (A–D) and `vintage` (the
 * publication date of the point's source).
 */
import type { ChartKind } from './kind.ts';
import type { ChartRows, ChartSpec, Row } from '../spec.ts';
import { timeComparisonOptions, type DrawState } from '../plot-options.ts';
import { formatFuzzyDate, formatNumber, formatPeriod } from '../format.ts';
import type { KeyItem } from '../key.ts';
import { estimatorColor } from '../../domain/estimators.ts';
import { tx, txn } from '../locale.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The spec with one palette entry per estimator in view, in the order of the rows. */
function withEstimatorPalette(spec: ChartSpec, rows: ChartRows): ChartSpec {
  const enc = spec.encodings;
  const keys: string[] = [];
  for (const r of rows[enc.dataset] ?? []) {
    const k = String(r[enc.color] ?? '');
    if (!keys.includes(k)) keys.push(k);
  }
  const palette = { ...spec.palette };
  keys.forEach((k, i) => (palette[k] = { color: estimatorColor(i), label: k }));
  return { ...spec, palette, encodings: { ...enc, colorBy: 'country' } };
}

function valueText(r: Row): string {
  const v = num(r.value);
  const lo = num(r.low);
  const hi = num(r.high);
  const range = lo !== null && hi !== null ? tx('{from} to {to}', { from: formatNumber(lo), to: formatNumber(hi) }) : lo !== null ? tx('at least {n}', { n: formatNumber(lo) }) : hi !== null ? tx('at most {n}', { n: formatNumber(hi) }) : null;
  if (v !== null) return range ? tx('{value} (range {range})', { value: formatNumber(v), range }) : formatNumber(v);
  return range ?? '–';
}

const when = (period: unknown) => (/^\d{4}-\d{2}-\d{2}$/.test(String(period)) ? tx('on {date}', { date: formatPeriod(String(period)) }) : tx('in {period}', { period: formatPeriod(String(period)) }));

function describe(spec: ChartSpec, rows: ChartRows, _state: DrawState): string {
  const enc = spec.encodings;
  const data = rows[enc.dataset] ?? [];
  if (!data.length) return tx('{title}: no estimates in the years shown.', { title: spec.title });
  const lines = new Map<string, Row[]>();
  for (const r of data) {
    const k = String(r[enc.line]);
    if (!lines.has(k)) lines.set(k, []);
    lines.get(k)!.push(r);
  }
  const parts = [`${spec.title}. ${txn(lines.size, '{n} estimator, best grade first.', '{n} estimators, best grade first.')}`];
  for (const rs of lines.values()) {
    const sorted = [...rs].sort((a, b) => String(a[enc.x]).localeCompare(String(b[enc.x])));
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    const vintages = [...new Set(sorted.map((r) => String(r.vintage ?? '').slice(0, 4)).filter(Boolean))].sort();
    const published = vintages.length ? ` ${tx('Published {date}.', { date: vintages.length > 1 ? tx('{from} to {to}', { from: vintages[0], to: vintages[vintages.length - 1] }) : formatFuzzyDate(vintages[0]) })}` : '';
    const head = tx('{name} (grade {grade})', { name: String(last.estimator ?? last[enc.label]), grade: String(last.grade ?? '–') });
    parts.push(
      sorted.length > 1
        ? `${tx('{label}: {first} {firstWhen}, latest {last} {lastWhen}.', { label: head, first: valueText(first), firstWhen: when(first.period), last: valueText(last), lastWhen: when(last.period) })}${published}`
        : `${head}: ${valueText(last)} ${when(last.period)}.${published}`,
    );
  }
  return parts.join(' ');
}

function key(_spec: ChartSpec): KeyItem[] {
  return [
    { symbol: 'dashed', label: tx('One estimator per line (hollow points: estimates, not counts)') },
    { symbol: 'range', label: tx('Published range (low to high)') },
    { symbol: 'grade', label: tx('After each name, its quality grade: A (all four criteria) to D (one or none); see Methodology') },
  ];
}

/** The axis starts at the first estimate in view (a page's `from` is a floor, not a fixed start). */
function fromFirstEstimate(spec: ChartSpec, rows: ChartRows, state: DrawState): DrawState {
  const years = (rows[spec.encodings.dataset] ?? []).map((r) => Number(String(r[spec.encodings.x] ?? '').slice(0, 4))).filter((y) => Number.isFinite(y) && y > 0);
  if (!years.length) return state;
  return { ...state, from: Math.max(state.from ?? 0, Math.min(...years)) };
}

export const competingEstimates: ChartKind = {
  plotOptions: (spec, rows, state, ctx) => timeComparisonOptions(withEstimatorPalette(spec, rows), rows, fromFirstEstimate(spec, rows, state), ctx),
  describe,
  key,
};
