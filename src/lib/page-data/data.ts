/**
 * Build-time reads for the content pages (countries, series, regularizations, rule changes,
 * sources, methodology). Every function runs one or two SQL statements over the published tables
 * through the shared Node connection (../db/node.ts) and memoises its answer, because Astro calls
 * getStaticPaths and the page bodies many times in one build.
 *
 * Node-only: never import this from a module that reaches the browser.
 */
import { queryNode } from '../db/node.ts';
import type { Row } from '../charts/spec.ts';

const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, f: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, f());
  return memo.get(key) as Promise<T>;
}

const s = (v: Row[string] | undefined): string | null => (v === null || v === undefined ? null : String(v));
const n = (v: Row[string] | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** A SQL string literal (values here come from our own tables, never from a URL; escaped anyway). */
export const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;

// Vocabulary (enum labels and orders, core countries) lives in ../domain/; re-exported for the pages.
export { CORE_COUNTRIES } from '../domain/countries.ts';
export { CATEGORY_LABELS, CATEGORY_ORDER, CITIZENSHIP_LABELS, MEASURE_LABELS, REG_KIND_LABELS, RULE_CATEGORY_LABELS, UNIT_LABELS } from '../domain/labels.ts';
import { CORE_COUNTRIES } from '../domain/countries.ts';
import { preferredTotalSql } from '../domain/rules.ts';
import { estimatorSeriesSql, gradeSql } from '../domain/estimators.ts';

// ---------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------

export interface CountryInfo {
  code: string;
  slug: string;
  name: string;
  names: { lang: string; name: string }[];
  isAggregate: boolean;
  eurostatGeo: string | null;
  observations: number;
  series: number;
  regularizations: number;
  ruleChanges: number;
  core: boolean;
}

export function countrySlug(code: string): string {
  return code.toLowerCase();
}

export function allCountries(): Promise<CountryInfo[]> {
  return once('countries', async () => {
    const rows = await queryNode(/* sql */ `
      WITH o AS (SELECT country_code, count(*) AS n, count(DISTINCT series_id) AS ns FROM observations GROUP BY 1),
           r AS (SELECT country_code, count(*) AS n FROM regularizations GROUP BY 1),
           c AS (SELECT country_code, count(*) AS n FROM rule_changes GROUP BY 1)
      SELECT k.*, coalesce(o.n, 0) AS n_obs, coalesce(o.ns, 0) AS n_series,
             coalesce(r.n, 0) AS n_reg, coalesce(c.n, 0) AS n_rules
      FROM countries k
      LEFT JOIN o USING (country_code) LEFT JOIN r USING (country_code) LEFT JOIN c USING (country_code)
      ORDER BY k.is_aggregate, k.name_en`);
    return rows.map((r) => {
      const code = String(r.country_code);
      const names = (['ja', 'ko', 'es', 'it'] as const)
        .map((lang) => ({ lang, name: s(r[`name_${lang}`]) }))
        .filter((x): x is { lang: 'ja' | 'ko' | 'es' | 'it'; name: string } => x.name !== null);
      return {
        code,
        slug: countrySlug(code),
        name: String(r.name_en),
        names,
        isAggregate: r.is_aggregate === true,
        eurostatGeo: s(r.eurostat_geo),
        observations: n(r.n_obs) ?? 0,
        series: n(r.n_series) ?? 0,
        regularizations: n(r.n_reg) ?? 0,
        ruleChanges: n(r.n_rules) ?? 0,
        core: (CORE_COUNTRIES as readonly string[]).includes(code),
      };
    });
  });
}

/** Countries that get a page: anything with a value, a regularization or a rule change. */
export async function pageCountries(): Promise<CountryInfo[]> {
  return (await allCountries()).filter((c) => c.observations + c.regularizations + c.ruleChanges > 0);
}

export async function countryNames(): Promise<Map<string, string>> {
  return new Map((await allCountries()).map((c) => [c.code, c.name]));
}

// ---------------------------------------------------------------------------
// Series
// ---------------------------------------------------------------------------

export interface SeriesInfo {
  id: string;
  title: string;
  category: string;
  unit: string;
  definition: string;
  counts: string;
  excludes: string;
  measure: string;
  breaks: { date: string; note: string }[];
  comparability: { country_code: string; note: string }[];
  preferenceNote: string | null;
  /** Rows in the published table, all and preferred. */
  rows: number;
  preferredRows: number;
  countries: string[];
  firstPeriod: string | null;
  lastPeriod: string | null;
  valueKinds: string[];
  hasBreakdowns: boolean;
}

function parseJsonList<T>(v: Row[string] | undefined): T[] {
  if (typeof v !== 'string' || !v) return [];
  try {
    const x = JSON.parse(v);
    return Array.isArray(x) ? x : [];
  } catch {
    return [];
  }
}

export function allSeries(): Promise<SeriesInfo[]> {
  return once('series', async () => {
    const rows = await queryNode(/* sql */ `
      WITH o AS (
        SELECT series_id, count(*) AS n, count(*) FILTER (WHERE is_preferred) AS np,
               list(DISTINCT country_code ORDER BY country_code) AS countries,
               strftime(min(period_start), '%Y-%m-%d') AS first_start, strftime(max(period_end), '%Y-%m-%d') AS last_end,
               arg_min(period, period_start) AS first_period, arg_max(period, period_end) AS last_period,
               list(DISTINCT value_kind ORDER BY value_kind) AS kinds,
               bool_or(sex IS NOT NULL OR age IS NOT NULL OR citizenship_code IS NOT NULL OR status IS NOT NULL) AS has_breakdowns
        FROM observations GROUP BY 1)
      SELECT s.*, coalesce(o.n, 0) AS n, coalesce(o.np, 0) AS np, array_to_string(o.countries, ',') AS countries,
             o.first_period, o.last_period, array_to_string(o.kinds, ',') AS kinds, coalesce(o.has_breakdowns, false) AS has_breakdowns
      FROM series s LEFT JOIN o USING (series_id)
      ORDER BY s.series_id`);
    return rows.map((r) => ({
      id: String(r.series_id),
      title: String(r.title),
      category: String(r.category),
      unit: String(r.unit),
      definition: String(r.definition ?? ''),
      counts: String(r.counts ?? ''),
      excludes: String(r.excludes ?? ''),
      measure: String(r.measure),
      breaks: parseJsonList(r.breaks_json),
      comparability: parseJsonList(r.comparability_json),
      preferenceNote: s(r.preference_note),
      rows: n(r.n) ?? 0,
      preferredRows: n(r.np) ?? 0,
      countries: s(r.countries)?.split(',').filter(Boolean) ?? [],
      firstPeriod: s(r.first_period),
      lastPeriod: s(r.last_period),
      valueKinds: s(r.kinds)?.split(',').filter(Boolean) ?? [],
      hasBreakdowns: r.has_breakdowns === true,
    }));
  });
}

export async function seriesById(): Promise<Map<string, SeriesInfo>> {
  return new Map((await allSeries()).map((x) => [x.id, x]));
}

/** One published value with its source and country name, as the tables print it. */
export interface ObservationRow {
  series_id: string;
  country_code: string;
  country_name: string;
  period: string;
  period_start: string;
  period_end: string;
  sex: string | null;
  age: string | null;
  citizenship_code: string | null;
  status: string | null;
  value: number;
  unit: string;
  value_kind: string;
  flags: string | null;
  is_preferred: boolean;
  source_id: string;
  source_publisher: string | null;
  source_title: string | null;
  source_url: string | null;
  note: string | null;
}

function toObservation(r: Row): ObservationRow {
  return {
    series_id: String(r.series_id),
    country_code: String(r.country_code),
    country_name: String(r.country_name ?? r.country_code),
    period: String(r.period),
    period_start: String(r.period_start),
    period_end: String(r.period_end),
    sex: s(r.sex),
    age: s(r.age),
    citizenship_code: s(r.citizenship_code),
    status: s(r.status),
    value: n(r.value) ?? Number.NaN,
    unit: String(r.unit),
    value_kind: String(r.value_kind),
    flags: s(r.flags),
    is_preferred: r.is_preferred === true,
    source_id: String(r.source_id),
    source_publisher: s(r.source_publisher),
    source_title: s(r.source_title),
    source_url: s(r.source_url),
    note: s(r.note),
  };
}

const OBS_SELECT = /* sql */ `
  SELECT o.series_id, o.country_code, coalesce(c.name_en, o.country_code) AS country_name, o.period,
         strftime(o.period_start, '%Y-%m-%d') AS period_start, strftime(o.period_end, '%Y-%m-%d') AS period_end,
         o.sex, o.age, o.citizenship_code, o.status, o.value, o.unit, o.value_kind, o.flags, o.is_preferred,
         o.source_id, src.publisher AS source_publisher, src.title AS source_title, src.url AS source_url, o.note
  FROM observations o
  LEFT JOIN countries c USING (country_code)
  LEFT JOIN sources src USING (source_id)`;

/** All rows of one series (or of one series in one country), in table order. */
export function seriesObservations(seriesId: string, country?: string): Promise<ObservationRow[]> {
  return once(`obs:${seriesId}:${country ?? ''}`, async () => {
    const rows = await queryNode(`${OBS_SELECT}
      WHERE o.series_id = ${lit(seriesId)} ${country ? `AND o.country_code = ${lit(country)}` : ''}
      ORDER BY o.country_code, o.period_start, o.period_end, o.sex NULLS FIRST, o.age NULLS FIRST,
               o.citizenship_code NULLS FIRST, o.status NULLS FIRST, o.value_kind, o.is_preferred DESC, o.source_id`);
    return rows.map(toObservation);
  });
}

/** Series with values for a country, with how many rows each has there. */
export function seriesOfCountry(code: string): Promise<{ id: string; rows: number; totals: number }[]> {
  return once(`series-of:${code}`, async () => {
    const rows = await queryNode(/* sql */ `
      SELECT series_id, count(*) AS n,
             count(*) FILTER (WHERE ${preferredTotalSql('')} AND value_kind <> 'cumulative') AS totals
      FROM observations WHERE country_code = ${lit(code)} GROUP BY 1 ORDER BY 1`);
    return rows.map((r) => ({ id: String(r.series_id), rows: n(r.n) ?? 0, totals: n(r.totals) ?? 0 }));
  });
}

/**
 * Graded estimators of each country's population without legal residence (../domain/estimators.ts):
 * country code → series ids with at least one preferred estimate there, best grade first.
 */
export function gradedEstimators(): Promise<Map<string, string[]>> {
  return once('graded-estimators', async () => {
    const rows = await queryNode(/* sql */ `
      SELECT o.country_code, s.series_id, ${gradeSql('s')} AS grade
      FROM series s JOIN observations o USING (series_id)
      WHERE ${estimatorSeriesSql('s')} AND ${preferredTotalSql('o')} AND o.citizenship_code IS NULL
        AND o.value_kind IN ('estimate_central', 'estimate_low', 'estimate_high')
      GROUP BY ALL ORDER BY 1, 3, 2`);
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const c = String(r.country_code);
      if (!out.has(c)) out.set(c, []);
      out.get(c)!.push(String(r.series_id));
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// Regularizations and rule changes
// ---------------------------------------------------------------------------

export interface SourceLink {
  id: string;
  publisher: string;
  title: string;
  url: string;
}

export function sourceMap(): Promise<Map<string, SourceLink>> {
  return once('source-map', async () => {
    const rows = await queryNode('SELECT source_id, publisher, title, url FROM sources');
    return new Map(rows.map((r) => [String(r.source_id), { id: String(r.source_id), publisher: String(r.publisher), title: String(r.title), url: String(r.url) }]));
  });
}

function splitIds(v: Row[string] | undefined): string[] {
  return typeof v === 'string' && v ? v.split(';').filter(Boolean) : [];
}

export interface RegularizationRow {
  id: string;
  country_code: string;
  country_name: string;
  name_native: string | null;
  name_en: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  /** Year used to place the row when no start date is published (taken from the id). */
  year: number | null;
  legal_basis: string | null;
  target_group: string | null;
  applications: number | null;
  approvals: number | null;
  rejections: number | null;
  conditions: string | null;
  figures_note: string | null;
  source: SourceLink | null;
  other_sources: SourceLink[];
}

export function allRegularizations(): Promise<RegularizationRow[]> {
  return once('regularizations', async () => {
    const [rows, sources, names] = await Promise.all([
      queryNode('SELECT * FROM regularizations ORDER BY country_code, coalesce(start_date, substr(regularization_id, 5, 4)), regularization_id'),
      sourceMap(),
      countryNames(),
    ]);
    return rows.map((r) => {
      const start = s(r.start_date);
      const idYear = /^[a-z]{3}-(\d{4})-/.exec(String(r.regularization_id))?.[1];
      const y = start ? Number(start.slice(0, 4)) : idYear ? Number(idYear) : null;
      return {
        id: String(r.regularization_id),
        country_code: String(r.country_code),
        country_name: names.get(String(r.country_code)) ?? String(r.country_code),
        name_native: s(r.name_native),
        name_en: String(r.name_en),
        kind: String(r.kind),
        start_date: start,
        end_date: s(r.end_date),
        year: y,
        legal_basis: s(r.legal_basis),
        target_group: s(r.target_group),
        applications: n(r.applications),
        approvals: n(r.approvals),
        rejections: n(r.rejections),
        conditions: s(r.conditions),
        figures_note: s(r.figures_note),
        source: sources.get(String(r.source_id)) ?? null,
        other_sources: splitIds(r.other_source_ids).map((id) => sources.get(id)).filter((x): x is SourceLink => !!x),
      };
    });
  });
}

export interface RuleChangeRow {
  id: string;
  country_code: string;
  country_name: string;
  date: string;
  date_kind: string;
  title_native: string | null;
  title_en: string;
  category: string;
  policy_area: string | null;
  policy_tool: string | null;
  target_group: string | null;
  direction: string | null;
  summary: string;
  source: SourceLink | null;
  other_sources: SourceLink[];
}

export function allRuleChanges(): Promise<RuleChangeRow[]> {
  return once('rule-changes', async () => {
    const [rows, sources, names] = await Promise.all([
      queryNode('SELECT * FROM rule_changes ORDER BY date, country_code, rule_change_id'),
      sourceMap(),
      countryNames(),
    ]);
    return rows.map((r) => ({
      id: String(r.rule_change_id),
      country_code: String(r.country_code),
      country_name: names.get(String(r.country_code)) ?? String(r.country_code),
      date: String(r.date),
      date_kind: String(r.date_kind),
      title_native: s(r.title_native),
      title_en: String(r.title_en),
      category: String(r.category),
      policy_area: s(r.policy_area),
      policy_tool: s(r.policy_tool),
      target_group: s(r.target_group),
      direction: s(r.direction),
      summary: String(r.summary),
      source: sources.get(String(r.source_id)) ?? null,
      other_sources: splitIds(r.other_source_ids).map((id) => sources.get(id)).filter((x): x is SourceLink => !!x),
    }));
  });
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

export interface SourceUse {
  id: string;
  publisher: string;
  title: string;
  url: string;
  published: string | null;
  accessed: string;
  license: string;
  kind: string;
  language: string;
  note: string | null;
  /** Values published from this source, by series. */
  series: { id: string; title: string; rows: number }[];
  regularizations: { id: string; name: string }[];
  ruleChanges: { id: string; title: string }[];
}

export function sourcesWithUse(): Promise<SourceUse[]> {
  return once('sources-use', async () => {
    const [rows, use, regs, rules] = await Promise.all([
      queryNode('SELECT * FROM sources ORDER BY lower(publisher), lower(title), source_id'),
      queryNode(/* sql */ `
        SELECT o.source_id, o.series_id, s.title, count(*) AS n
        FROM observations o JOIN series s USING (series_id)
        GROUP BY ALL ORDER BY o.source_id, n DESC, o.series_id`),
      allRegularizations(),
      allRuleChanges(),
    ]);
    const bySource = new Map<string, SourceUse['series']>();
    for (const u of use) {
      const id = String(u.source_id);
      if (!bySource.has(id)) bySource.set(id, []);
      bySource.get(id)!.push({ id: String(u.series_id), title: String(u.title), rows: n(u.n) ?? 0 });
    }
    const regOf = new Map<string, SourceUse['regularizations']>();
    for (const r of regs) {
      for (const src of [r.source, ...r.other_sources]) {
        if (!src) continue;
        if (!regOf.has(src.id)) regOf.set(src.id, []);
        if (!regOf.get(src.id)!.some((x) => x.id === r.id)) regOf.get(src.id)!.push({ id: r.id, name: r.name_en });
      }
    }
    const ruleOf = new Map<string, SourceUse['ruleChanges']>();
    for (const r of rules) {
      for (const src of [r.source, ...r.other_sources]) {
        if (!src) continue;
        if (!ruleOf.has(src.id)) ruleOf.set(src.id, []);
        if (!ruleOf.get(src.id)!.some((x) => x.id === r.id)) ruleOf.get(src.id)!.push({ id: r.id, title: r.title_en });
      }
    }
    return rows.map((r) => {
      const id = String(r.source_id);
      return {
        id,
        publisher: String(r.publisher),
        title: String(r.title),
        url: String(r.url),
        published: s(r.published),
        accessed: String(r.accessed),
        license: String(r.license),
        kind: String(r.kind),
        language: String(r.language),
        note: s(r.note),
        series: bySource.get(id) ?? [],
        regularizations: regOf.get(id) ?? [],
        ruleChanges: ruleOf.get(id) ?? [],
      };
    });
  });
}

/** Release id and table row counts, from public/data/release.json via the shared reader. */
export function tableCounts(): Promise<Record<string, number>> {
  return once('table-counts', async () => {
    const rows = await queryNode(/* sql */ `
      SELECT 'observations' AS t, count(*) AS n FROM observations UNION ALL
      SELECT 'series', count(*) FROM series UNION ALL
      SELECT 'regularizations', count(*) FROM regularizations UNION ALL
      SELECT 'rule_changes', count(*) FROM rule_changes UNION ALL
      SELECT 'sources', count(*) FROM sources UNION ALL
      SELECT 'countries', count(*) FROM countries`);
    return Object.fromEntries(rows.map((r) => [String(r.t), n(r.n) ?? 0]));
  });
}
