/**
 * Data text in the chart's language: the rows a chart's SQL returns carry the English text of the
 * published tables (series titles and notes, programme names, rule-change titles); this swaps in
 * the translation (data/i18n/<locale>/*.yml, keyed as in ../i18n/data-text.ts) where one exists.
 * Browser-safe: the build applies it with the translations read from disk, the browser with the
 * page language's `/<locale>/data-text.json`, fetched only when the engine answered a query.
 */
import type { ChartRows, ChartSpec, Row } from './spec.ts';
import { breakKey, comparabilityKey } from '../i18n/data-text.ts';

/** Translations by table and record id: flat unit keys (`title`, `break.1997-01-01`…). */
export interface DataTexts {
  series: Record<string, Record<string, string>>;
  regularizations: Record<string, Record<string, string>>;
  rule_changes: Record<string, Record<string, string>>;
}

function swapList<T extends Record<string, unknown>>(json: unknown, t: Record<string, string>, key: (item: T) => string): unknown {
  if (typeof json !== 'string' || !json) return json;
  try {
    const list = JSON.parse(json) as T[];
    if (!Array.isArray(list)) return json;
    return JSON.stringify(list.map((item) => (t[key(item)] ? { ...item, note: t[key(item)] } : item)));
  } catch {
    return json;
  }
}

function localizeRow(role: string, r: Row, texts: DataTexts): Row {
  if (role === 'meta' || role === 'series') {
    const t = texts.series[String(r.series_id)];
    if (!t) return r;
    const out: Row = { ...r };
    // A label that starts with the series title (Explore: "<title> · <country>") takes the translated title.
    const swapLabel = (english: unknown) => {
      if (t.title && typeof r.label === 'string' && typeof english === 'string' && english && r.label.startsWith(english)) out.label = t.title + r.label.slice(english.length);
    };
    if (role === 'series') {
      swapLabel(r.series_title);
      if (typeof r.series_title === 'string' && t.title) out.series_title = t.title;
      return out;
    }
    swapLabel(r.title);
    for (const k of ['title', 'definition', 'counts', 'excludes', 'preference_note'] as const) if (typeof r[k] === 'string' && t[k]) out[k] = t[k];
    if ('comparability_json' in r) out.comparability_json = swapList(r.comparability_json, t, (c: { country_code: string }) => comparabilityKey(c)) as string;
    if ('breaks_json' in r) out.breaks_json = swapList(r.breaks_json, t, (b: { date: string; country_code?: string | null }) => breakKey(b)) as string;
    return out;
  }
  if (role === 'regularization') {
    const t = texts.regularizations[String(r.regularization_id)];
    return t?.name && typeof r.name_en === 'string' ? { ...r, name_en: t.name } : r;
  }
  if (role === 'rule_change') {
    const t = texts.rule_changes[String(r.rule_change_id)];
    return t?.title && typeof r.title_en === 'string' ? { ...r, title_en: t.title } : r;
  }
  return r;
}

/** The rows with their data text in the language of `texts` (rows without a translation stay as they are). */
export function localizeRows(spec: ChartSpec, rows: ChartRows, texts: DataTexts | null): ChartRows {
  if (!texts) return rows;
  return Object.fromEntries(Object.entries(rows).map(([k, list]) => [k, list.map((r) => localizeRow(spec.datasets[k]?.role ?? '', r, texts))]));
}
