/**
 * Cuts the chart test fixtures (tests/fixtures/charts/<spec id>.json) from the published data in
 * public/data. Run after `npm run data` when a spec's SQL or the data it reads changes:
 *
 *   npx tsx tests/charts/make-fixtures.ts
 *
 * The cut covers the spec's default state and its `examples`: for each, observations of the series
 * it names (`constants.series`, `state.series`) in the countries it names (country-code palette
 * keys, `state.countries`; every country of those series when it asks for all): all
 * totals, preferred or not, plus a few breakdown rows so the totals filter is exercised; the
 * series, countries, regularizations and rule changes of those countries; and every source those
 * rows cite. Only columns the spec's SQL mentions are kept. Values are copied as published.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chartModulesFromDisk } from '../../src/lib/charts/registry-node.ts';
const CHARTS = chartModulesFromDisk();
import { queryNode, dataDir } from '../../src/lib/db/node.ts';
import { sqlLiteral } from '../../src/lib/charts/sql.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';

const COUNTRY = /^([A-Z]{3}|EU27_2020|EU28|EU27_2007|EA20|EFTA|EUR12)$/;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/**
 * What the default state and the examples draw: pairs of (series, countries), where `null`
 * countries means every country of those series; plus the countries whose events are marked.
 */
function scope(spec: ChartSpec, graded: string[]): { pairs: { series: string[]; countries: string[] | null }[]; countries: string[] } {
  const states = [{}, ...Object.values(spec.examples ?? {})].map((s) => parseLoose(spec, s) as Record<string, unknown>);
  const paletteCountries = Object.keys(spec.palette).filter((k) => COUNTRY.test(k));
  const constSeries = asList(spec.constants.series);
  const pairs: { series: string[]; countries: string[] | null }[] = [];
  const countries = new Set(paletteCountries);
  for (const st of states) {
    // A state that names one country and no series (competing estimates) draws that country's graded estimate series.
    const one = typeof st.country === 'string' && COUNTRY.test(st.country) ? [st.country] : [];
    // Parts (`series_id:status@CITIZENSHIP`, breakdown-lines) name their series before the first ':' or '@'.
    const partSeries = asList(st.parts).map((p) => p.split(/[:@]/)[0]);
    const series = [...new Set([...constSeries, ...asList(st.series), ...partSeries, ...(one.length && !asList(st.series).length ? graded : [])])];
    const named = [...asList(st.countries), ...one];
    // Every country: an empty `countries` list, or a chart with no country choice at all (maps, grids).
    const all = ('countries' in st && named.length === 0) || (!('countries' in st) && one.length === 0 && paletteCountries.length === 0);
    pairs.push({ series, countries: all ? null : [...new Set([...named, ...paletteCountries])] });
    named.forEach((x) => countries.add(x));
    asList(st.event_countries).forEach((x) => countries.add(x));
  }
  return { pairs, countries: [...countries] };
}

export interface FixtureTable {
  columns: [string, string][];
  rows: unknown[][];
}
export interface ChartFixture {
  generated_by: string;
  release_id: string | null;
  tables: Record<string, FixtureTable>;
}

const OUT = path.join(process.cwd(), 'tests', 'fixtures', 'charts');

/** Columns of `name` that the spec's SQL mentions (all of them for observations, read with `o.*`). */
async function table(name: string, where: string, sql: string): Promise<FixtureTable> {
  const cols = await queryNode(`DESCRIBE ${name}`);
  const columns = cols
    .map((c) => [String(c.column_name), String(c.column_type)] as [string, string])
    .filter(([c]) => name === 'observations' || new RegExp(`\\b${c}\\b`).test(sql));
  // Dates as text so the JSON is plain; the test casts them back with the column type.
  const select = columns.map(([c, t]) => (t === 'DATE' ? `strftime("${c}", '%Y-%m-%d') AS "${c}"` : `"${c}"`)).join(', ');
  const order = columns.map(([c]) => `"${c}"`).slice(0, 4).join(', ');
  const rows = await queryNode(`SELECT ${select} FROM ${name} WHERE ${where} ORDER BY ${order}`);
  return { columns, rows: rows.map((r) => columns.map(([c]) => r[c])) };
}

export async function cutFixture(spec: ChartSpec): Promise<ChartFixture> {
  const graded = (await queryNode('SELECT series_id FROM series WHERE quality_json IS NOT NULL ORDER BY 1')).map((r) => String(r.series_id));
  const sc = scope(spec, graded);
  const allSeries = sqlLiteral([...new Set(sc.pairs.flatMap((p) => p.series))]);
  // Observations a state draws: its series, in its countries (or all of theirs).
  const drawn = sc.pairs
    .map((p) => `(list_contains(${sqlLiteral(p.series)}, series_id)${p.countries ? ` AND list_contains(${sqlLiteral(p.countries)}, country_code)` : ''})`)
    .join(' OR ');
  // Countries of those observations, plus the palette's and the event countries.
  const countries = `list_distinct(list_concat(${sqlLiteral(sc.countries)}, (SELECT list(DISTINCT country_code) FROM observations WHERE ${drawn})))`;
  const sql = Object.values(spec.datasets).map((d) => d.query).join('\n');
  const tables: Record<string, FixtureTable> = {};
  // Breakdowns a state draws by name (breakdown-lines parts with a status): all their rows.
  const namedParts = [...new Set([{}, ...Object.values(spec.examples ?? {})].flatMap((s) => asList((parseLoose(spec, s) as Record<string, unknown>).parts)))]
    .map((p) => p.split('@')[0])
    .filter((p) => p.includes(':'));
  const partWhere = namedParts.length ? ` OR list_contains(${sqlLiteral(namedParts)}, series_id || ':' || coalesce(status, ''))` : '';
  const obsWhere = `(${drawn})
    AND (sex IS NULL AND age IS NULL AND citizenship_code IS NULL AND status IS NULL${partWhere}
         OR (series_id, country_code, period, coalesce(citizenship_code, ''), coalesce(sex, ''), coalesce(status, '')) IN (
           SELECT (series_id, country_code, period, coalesce(citizenship_code, ''), coalesce(sex, ''), coalesce(status, '')) FROM observations
           WHERE (${drawn}) AND NOT (sex IS NULL AND age IS NULL AND citizenship_code IS NULL AND status IS NULL)
           ORDER BY series_id, period DESC LIMIT 8))`;
  // A chart of events only, in every country (the world map): all countries' events.
  const everywhere = sc.pairs.length > 0 && sc.pairs.every((p) => p.series.length === 0 && p.countries === null);
  const inCountries = everywhere ? 'TRUE' : `list_contains(${countries}, country_code)`;
  const wanted: Record<string, string> = {
    observations: obsWhere,
    series: `list_contains(${allSeries}, series_id)`,
    countries: inCountries,
    regularizations: inCountries,
    rule_changes: inCountries,
  };
  for (const t of spec.tables) if (t !== 'sources') tables[t] = await table(t, wanted[t] ?? 'TRUE', sql);
  if (spec.tables.includes('sources')) {
    const cited = new Set<string>();
    for (const t of Object.values(tables)) {
      const i = t.columns.findIndex(([c]) => c === 'source_id');
      if (i >= 0) for (const r of t.rows) if (r[i]) cited.add(String(r[i]));
    }
    tables.sources = await table('sources', `list_contains(${sqlLiteral([...cited])}, source_id)`, sql);
  }
  let release: string | null = null;
  try {
    release = JSON.parse(readFileSync(path.join(dataDir(), 'release.json'), 'utf8')).release_id ?? null;
  } catch {
    release = null;
  }
  return { generated_by: 'tests/charts/make-fixtures.ts (cut from public/data; do not edit by hand)', release_id: release, tables };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--only <id>`: cut one chart's fixture and leave the others as they are.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  for (const [id, load] of Object.entries(CHARTS)) {
    if (only && id !== only) continue;
    const { spec } = await load();
    const fx = await cutFixture(spec);
    const file = path.join(OUT, `${id}.json`);
    writeFileSync(file, JSON.stringify(fx, null, 0).replaceAll('],[', '],\n[') + '\n');
    const n = Object.fromEntries(Object.entries(fx.tables).map(([k, v]) => [k, v.rows.length]));
    console.log(id, n);
  }
}
