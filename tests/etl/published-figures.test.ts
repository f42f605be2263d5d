/**
 * The real pipeline (data/curated, data/series, the Eurostat modules on the raw snapshot) run
 * into a temp folder; selected published figures are checked against the publications they
 * come from, as transcribed in the reference folder (../shared/data/reference) (the expected value must also be
 * found there, with the URL of the published source).
 *
 * Skipped, with the reason in the test name, when the raw snapshot or the reference folder is
 * absent (tests/etl/real-inputs.ts; in CI that is a failure) or before the curated observation files exist.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline.ts';
import { makeTempDir } from '../fixtures/pipeline/helpers.ts';
import { RAW_DIR, REFERENCE_DIR, missingInputs } from './real-inputs.ts';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OBS_DIR = join(REPO, 'data/curated/observations');

const skipReason =
  missingInputs({ raw: true, reference: true }) ??
  (!existsSync(OBS_DIR) || !readdirSync(OBS_DIR).some((f) => f.endsWith('.csv')) ? 'data/curated/observations has no files yet' : null);

interface Check {
  name: string;
  series_id: string;
  country_code: string;
  period: string;
  /** Breakdown columns that are not null; all others must be null. */
  breakdown?: Partial<Record<'sex' | 'age' | 'citizenship_code' | 'status', string>>;
  value_kind?: string;
  expected: number;
  /** Where the figure was transcribed: file under shared/data/reference and how to find the row. */
  reference: { file: string; match: Record<string, string>; urlColumn?: string };
}

const CHECKS: Check[] = [
  {
    name: 'Japan overstayers at 1 January 2024 (ISA press release of 22 March 2024)',
    series_id: 'jpn_overstayers',
    country_code: 'JPN',
    period: '2024-01-01',
    expected: 79113,
    reference: { file: 'japan-korea/observations.csv', match: { country: 'JPN', indicator: 'overstayers', period: '2024-01-01', breakdown: 'total' } },
  },
  {
    name: 'Japan overstayers from Viet Nam at 1 January 2024',
    series_id: 'jpn_overstayers',
    country_code: 'JPN',
    period: '2024-01-01',
    breakdown: { citizenship_code: 'VNM' },
    expected: 15806,
    reference: { file: 'japan-korea/observations.csv', match: { country: 'JPN', indicator: 'overstayers', period: '2024-01-01', breakdown: 'nationality=VNM' } },
  },
  {
    name: 'Korea illegal stay at end-2013 (MOJ Korea Immigration Service, via Yonhap)',
    series_id: 'kor_illegal_stay',
    country_code: 'KOR',
    period: '2013-12-31',
    expected: 183106,
    reference: { file: 'japan-korea/observations.csv', match: { country: 'KOR', indicator: 'korea_illegal_stay', period: '2013-12-31', breakdown: 'total' } },
  },
  {
    name: 'Italy irregular migrants at 1 January 2018 (ISMU estimate)',
    series_id: 'ita_irregular_estimate_ismu',
    country_code: 'ITA',
    period: '2018-01-01',
    value_kind: 'estimate_central',
    expected: 533000,
    reference: { file: 'europe/observations.csv', match: { country: 'ITA', indicator: 'irregular_migrants_estimate', period: '2018-01-01' } },
  },
  {
    name: 'Spain, third-country nationals found illegally present in 2015 (Eurostat migr_eipre)',
    series_id: 'eurostat_migr_eipre',
    country_code: 'ESP',
    period: '2015',
    expected: 42605,
    reference: {
      file: 'europe/eurostat_series_ESP_ITA_EU27.csv',
      match: { country: 'ESP', indicator: 'found_illegally_present', period: '2015', breakdown: 'reason=TOTAL;apprehen=TOTAL' },
    },
  },
];

let base: string;
let result: PipelineResult;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

describe.skipIf(skipReason !== null)('published figures on the real data', () => {
  beforeAll(async () => {
    base = await makeTempDir('atlas-published-');
    result = await runPipeline({ outDir: join(base, 'data'), rawDir: RAW_DIR });
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
  }, 600_000);

  afterAll(async () => {
    conn?.closeSync();
    instance?.closeSync();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('publishes every table and some rows from each Eurostat module', () => {
    for (const n of Object.values(result.rowCounts)) expect(n).toBeGreaterThan(0);
    for (const s of result.sources) expect(s.rows, s.id).toBeGreaterThan(0);
  });

  const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  const table = (name: string) => `read_parquet(${lit(join(result.outDir, `${name}.parquet`))})`;

  it('holds an irregular-residence series for each of the four core countries', async () => {
    const rows = await query(
      `SELECT DISTINCT o.country_code FROM ${table('observations')} o JOIN ${table('series')} s USING (series_id)
       WHERE s.category = 'irregular_residence' AND o.is_preferred AND o.country_code IN ('JPN', 'KOR', 'ESP', 'ITA')`,
    );
    expect(rows.map((r) => r.country_code).sort()).toEqual(['ESP', 'ITA', 'JPN', 'KOR']);
  });

  it('holds migr_eipre for every EU member state in the raw files', async () => {
    const rows = await query(
      `SELECT DISTINCT o.country_code FROM ${table('observations')} o JOIN ${table('countries')} c USING (country_code)
       WHERE o.series_id = 'eurostat_migr_eipre' AND NOT c.is_aggregate`,
    );
    const codes = new Set(rows.map((r) => String(r.country_code)));
    // The 27 member states (the raw files also hold EFTA states and the UK).
    for (const iso3 of ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE']) {
      expect(codes.has(iso3), iso3).toBe(true);
    }
  });

  it('gives every published row a source that exists', async () => {
    for (const t of ['observations', 'regularizations', 'rule_changes']) {
      const [orphans] = await query(
        `SELECT count(*)::INTEGER AS n FROM ${table(t)} x LEFT JOIN ${table('sources')} s USING (source_id) WHERE s.source_id IS NULL`,
      );
      expect(orphans.n, t).toBe(0);
    }
  });

  it.each(CHECKS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const where = [
      `series_id = ${lit(c.series_id)}`,
      `country_code = ${lit(c.country_code)}`,
      `period = ${lit(c.period)}`,
      'is_preferred',
      ...(['sex', 'age', 'citizenship_code', 'status'] as const).map((b) => (c.breakdown?.[b] ? `${b} = ${lit(c.breakdown[b]!)}` : `${b} IS NULL`)),
      ...(c.value_kind ? [`value_kind = ${lit(c.value_kind)}`] : []),
    ].join(' AND ');
    const rows = (
      await conn.runAndReadAll(
        `SELECT o.value, s.url FROM read_parquet(${lit(join(result.outDir, 'observations.parquet'))}) o
         JOIN read_parquet(${lit(join(result.outDir, 'sources.parquet'))}) s USING (source_id) WHERE ${where}`,
      )
    ).getRowObjectsJson();
    expect(rows, `one preferred row for ${where}`).toHaveLength(1);
    expect(rows[0].value).toBe(c.expected);

    // The expected figure is the one transcribed from the publication, not typed from memory.
    const refPath = join(REFERENCE_DIR, c.reference.file);
    if (!existsSync(refPath)) return;
    const ref = Papa.parse<Record<string, string>>(await readFile(refPath, 'utf8'), { header: true, skipEmptyLines: true }).data.filter((r) =>
      Object.entries(c.reference.match).every(([k, v]) => r[k] === v),
    );
    expect(ref.map((r) => Number(r.value))).toContain(c.expected);
    // Curated figures cite one of the URLs the figure was read at; Eurostat rows cite the dataset.
    const urls = ref.filter((r) => Number(r.value) === c.expected).map((r) => r.source_url).filter(Boolean);
    if (urls.length) expect(urls.flatMap((u) => u.split(' | '))).toContain(rows[0].url);
    else expect(String(rows[0].url)).toMatch(/ec\.europa\.eu\/eurostat/);
  });

  it.each([
    // reference/policy/regularizations.csv: Korea 2003 approvals 184,199 (corrected from a rounded 184,000 in the audit).
    { id: 'kor-2003-legalization', column: 'approvals', expected: 184199 },
    // reference/policy/regularizations.csv: Italy 2002, government report figures.
    { id: 'ita-2002-bossi-fini', column: 'applications', expected: 705404 },
    { id: 'ita-2002-bossi-fini', column: 'approvals', expected: 634728 },
  ])('regularization $id: $column = $expected', async ({ id, column, expected }) => {
    const rows = (
      await conn.runAndReadAll(
        `SELECT ${column}::DOUBLE AS v FROM read_parquet(${lit(join(result.outDir, 'regularizations.parquet'))}) WHERE regularization_id = ${lit(id)}`,
      )
    ).getRowObjectsJson();
    expect(rows).toEqual([{ v: expected }]);
    const refPath = join(REFERENCE_DIR, 'policy/regularizations.csv');
    if (!existsSync(refPath)) return;
    const ref = Papa.parse<Record<string, string>>(await readFile(refPath, 'utf8'), { header: true, skipEmptyLines: true }).data.find((r) => r.id === id);
    expect(Number(ref?.[column])).toBe(expected);
  });
});

if (skipReason !== null) {
  describe('published figures on the real data', () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
