/**
 * Looks up a cited value (./keys.ts) in the published tables at build time: the value, its unit,
 * the words a reader sees, and the document it comes from. A key that no longer matches exactly
 * one published value throws, naming the key, the release and the reason: the build stops rather
 * than print a figure the data no longer holds.
 *
 * Node-only (queries the published Parquet with @duckdb/node-api).
 */
import { queryNode } from '../db/node.ts';
import { lit } from '../page-data/data.ts';
import { preferredBreakdownSql, preferredTotalSql, midPeriodDate } from '../domain/rules.ts';
import { formatNumber, formatPeriod } from '../charts/format.ts';
import { UNIT_LABELS } from '../domain/labels.ts';
import { parseValueKey } from './keys.ts';
import { latestRelease } from '../embed/releases.ts';

export interface CitedValue {
  key: string;
  value: number;
  unit: string;
  /** The value as the story prints it (`391,000`, `3.2%`). */
  text: string;
  /** Period of the value in words, for the link title. */
  period: string;
  /** Date on the chart's time axis (mid-period), for notes pinned to this value. */
  date: string;
  sourceId: string;
  sourceUrl: string | null;
  sourcePublisher: string | null;
  sourceTitle: string | null;
}

/** A value in the words a story uses: people in full, percentages with their sign. */
export function formatCited(value: number, unit: string): string {
  if (unit === 'percent') return `${formatNumber(value)}%`;
  if (unit === 'thousand_persons') return formatNumber(value * 1000);
  return formatNumber(value);
}

const cache = new Map<string, Promise<CitedValue>>();

/** The published value of `key`; throws when it matches none or more than one. */
export function lookupValue(key: string, dataDir?: string): Promise<CitedValue> {
  const ck = `${dataDir ?? ''}::${key}`;
  if (!cache.has(ck)) cache.set(ck, find(key, dataDir));
  return cache.get(ck)!;
}

async function find(key: string, dataDir?: string): Promise<CitedValue> {
  const k = parseValueKey(key);
  const release = latestRelease().id ?? 'unreleased';
  const fail = (why: string) => new Error(`cited value "${key}" ${why} in the published data (release ${release}); update the story or the data`);
  if (k.kind === 'regularization') {
    const rows = await queryNode(
      `SELECT r.${k.field} AS value, coalesce(r.start_date, substr(r.regularization_id, 5, 4)) AS start_known, r.source_id,
              s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title
       FROM regularizations r LEFT JOIN sources s USING (source_id)
       WHERE r.regularization_id = ${lit(k.id)}`,
      dataDir,
    );
    if (rows.length === 0) throw fail(`names no regularization "${k.id}"`);
    const r = rows[0];
    if (typeof r.value !== 'number') throw fail(`has no ${k.field} figure`);
    const start = String(r.start_known);
    return {
      key,
      value: r.value,
      unit: 'persons',
      text: formatCited(r.value, 'persons'),
      period: start,
      date: start.length === 4 ? `${start}-01-01` : start.length === 7 ? `${start}-01` : start,
      sourceId: String(r.source_id),
      sourceUrl: (r.source_url as string | null) ?? null,
      sourcePublisher: (r.source_publisher as string | null) ?? null,
      sourceTitle: (r.source_title as string | null) ?? null,
    };
  }
  const kinds = k.valueKind ? [k.valueKind] : ['count', 'estimate_central', 'rate', 'quota'];
  const rows = await queryNode(
    `SELECT o.value, o.unit, o.value_kind, o.source_id, strftime(o.period_start, '%Y-%m-%d') AS period_start,
            strftime(o.period_end, '%Y-%m-%d') AS period_end,
            s.url AS source_url, s.publisher AS source_publisher, s.title AS source_title
     FROM observations o LEFT JOIN sources s USING (source_id)
     WHERE ${k.status || k.citizenship ? preferredBreakdownSql('o', lit(k.status ?? ''), lit(k.citizenship ?? '')) : `${preferredTotalSql('o')} AND o.citizenship_code IS NULL`}
       AND o.series_id = ${lit(k.series)} AND o.country_code = ${lit(k.country)} AND o.period = ${lit(k.period)}
       AND o.value_kind IN (${kinds.map(lit).join(', ')})`,
    dataDir,
  );
  if (rows.length === 0) throw fail(k.status || k.citizenship ? 'matches no preferred value of that breakdown' : 'matches no preferred total');
  if (rows.length > 1) throw fail(`matches ${rows.length} rows (${rows.map((r) => r.value_kind).join(', ')}); add the value kind to the key`);
  const r = rows[0];
  const value = r.value as number;
  const unit = String(r.unit);
  return {
    key,
    value,
    unit,
    text: formatCited(value, unit),
    period: formatPeriod(k.period),
    date: midPeriodDate(String(r.period_start), String(r.period_end)),
    sourceId: String(r.source_id),
    sourceUrl: (r.source_url as string | null) ?? null,
    sourcePublisher: (r.source_publisher as string | null) ?? null,
    sourceTitle: (r.source_title as string | null) ?? null,
  };
}

/** Words for the unit of a cited value, for link titles. */
export const unitWords = (unit: string) => UNIT_LABELS[unit] ?? unit;
