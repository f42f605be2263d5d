/**
 * Cuts the chart test fixtures (tests/fixtures/charts/<spec id>.json) from the published data in
 * public/data. Run after `npm run data` when a spec's SQL or the data it reads changes:
 *
 *   npx tsx tests/charts/make-fixtures.ts
 *
 * The cut covers the spec's default state and its `examples`: observations of the series they
 * name (`constants.series`, `state.series`) in the countries they name (country-code palette keys,
 * `state.countries`, `state.event_countries`; every country when a state asks for all): all
 * totals, preferred or not, plus a few breakdown rows so the totals filter is exercised; the
 * series, countries, regularizations and rule changes of those countries; and every source those
 * rows cite. Only columns the spec's SQL mentions are kept. Values are copied as published.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHARTS } from '../../src/charts/index.ts';
import { queryNode, dataDir } from '../../src/lib/db/node.ts';
import { sqlLiteral } from '../../src/lib/charts/sql.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';

const COUNTRY = /^([A-Z]{3}|EU27_2020|EU28|EU27_2007|EA20|EFTA|EUR12)$/;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Series and countries named by a spec's constants, palette, default state and examples (null = all countries). */
function scope(spec: ChartSpec): { series: string[]; countries: string[] | null } {
  const states = [{}, ...Object.values(spec.examples ?? {})].map((s) => parseLoose(spec, s) as Record<string, unknown>);
  const series = new Set(asList(spec.constants.series));
  const countries = new Set(Object.keys(spec.palette).filter((k) => COUNTRY.test(k)));
  let all = false;
  for (const st of states) {
    asList(st.series).forEach((x) => series.add(x));
    if ('countries' in st && asList(st.countries).length === 0) all = true;
    asList(st.countries).forEach((x) => countries.add(x));
    asList(st.event_countries).forEach((x) => countries.add(x));
  }
  return { series: [...series], countries: all ? null : [...countries] };
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
  const sc = scope(spec);
  const series = sqlLiteral(sc.series);
  // Every country when a state draws all of them (the list then holds every code in use).
  const countries = sc.countries ? sqlLiteral(sc.countries) : '(SELECT list(DISTINCT country_code) FROM observations)';
  const sql = Object.values(spec.datasets).map((d) => d.query).join('\n');
  const tables: Record<string, FixtureTable> = {};
  const obsWhere = `list_contains(${series}, series_id) AND list_contains(${countries}, country_code)
    AND (sex IS NULL AND age IS NULL AND citizenship_code IS NULL AND status IS NULL
         OR (series_id, country_code, period, coalesce(citizenship_code, ''), coalesce(sex, ''), coalesce(status, '')) IN (
           SELECT (series_id, country_code, period, coalesce(citizenship_code, ''), coalesce(sex, ''), coalesce(status, '')) FROM observations
           WHERE list_contains(${series}, series_id) AND list_contains(${countries}, country_code)
             AND NOT (sex IS NULL AND age IS NULL AND citizenship_code IS NULL AND status IS NULL)
           ORDER BY series_id, period DESC LIMIT 8))`;
  const wanted: Record<string, string> = {
    observations: obsWhere,
    series: `list_contains(${series}, series_id)`,
    countries: `list_contains(${countries}, country_code)`,
    regularizations: `list_contains(${countries}, country_code)`,
    rule_changes: `list_contains(${countries}, country_code)`,
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
  for (const [id, load] of Object.entries(CHARTS)) {
    const { spec } = await load();
    const fx = await cutFixture(spec);
    const file = path.join(OUT, `${id}.json`);
    writeFileSync(file, JSON.stringify(fx, null, 0).replaceAll('],[', '],\n[') + '\n');
    const n = Object.fromEntries(Object.entries(fx.tables).map(([k, v]) => [k, v.rows.length]));
    console.log(id, n);
  }
}
