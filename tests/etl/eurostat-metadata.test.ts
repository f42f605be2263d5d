/**
 * The Eurostat connector's hand-written files agree with the code: every module has a source
 * row and a provenance YAML, every series it emits is described, every country it emits is in
 * countries.csv with the right Eurostat geo code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REFERENCE_DIR, missingInputs } from './real-inputs.ts';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, resolveRawDir } from '../../scripts/lib/eurostat/fetch.ts';
import { countryToGeo } from '../../scripts/lib/eurostat/geo.ts';
import type { SourceObservation } from '../../scripts/lib/types.ts';
import { eurostatSources } from '../../scripts/sources/index.ts';
import { AGGREGATE_CODES, Country, Series, Source } from '../../src/lib/schema.ts';
import { FIXTURE_RAW } from '../fixtures/eurostat/golden.ts';

const csv = (rel: string) =>
  Papa.parse<Record<string, string>>(readFileSync(resolve(REPO_ROOT, rel), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])),
  );

describe('Eurostat metadata files', async () => {
  const rows: SourceObservation[] = [];
  for (const m of eurostatSources) rows.push(...(await m.load({ rawDir: FIXTURE_RAW })));
  const sources = csv('data/curated/sources/eurostat.csv').map((r) => Source.parse(r));
  const series = (parseYaml(readFileSync(resolve(REPO_ROOT, 'data/series/eurostat.yml'), 'utf8')) as unknown[]).map((s) => Series.parse(s));
  const countries = csv('data/curated/countries.csv').map((r) => Country.parse({ ...r, is_aggregate: r.is_aggregate === 'true' }));

  it('has a source row and a provenance YAML for every module and every source_id emitted', () => {
    const ids = new Set(sources.map((s) => s.source_id));
    for (const m of eurostatSources) expect(ids).toContain(m.id);
    for (const r of rows) expect(ids).toContain(r.source_id);
    for (const id of ids) {
      const y = parseYaml(readFileSync(resolve(REPO_ROOT, `data/sources/${id}.yml`), 'utf8')) as Record<string, unknown>;
      expect(y.source_id).toBe(id);
      expect(y.publisher).toBe('Eurostat');
      expect(String(y.license)).toMatch(/CC BY 4\.0/);
    }
    expect(new Set(sources.map((s) => s.url)).size).toBe(sources.length);
  });

  it('describes every series the modules emit, with a matching unit', () => {
    const byId = new Map(series.map((s) => [s.series_id, s]));
    for (const r of rows) {
      const s = byId.get(r.series_id);
      expect(s, r.series_id).toBeDefined();
      expect(s!.unit).toBe(r.unit);
    }
    expect(new Set(series.map((s) => s.series_id))).toEqual(new Set(rows.map((r) => r.series_id)));
  });

  it('lists every country the modules emit, with the Eurostat geo the code maps from', async () => {
    const codes = new Map(countries.map((c) => [c.country_code, c]));
    const emitted = new Set(rows.map((r) => r.country_code));
    const raw = resolveRawDir();
    if (existsSync(raw)) for (const m of eurostatSources) for (const r of await m.load({ rawDir: raw })) emitted.add(r.country_code);
    for (const code of emitted) {
      expect(codes.has(code), code).toBe(true);
      expect(codes.get(code)!.eurostat_geo).toBe(countryToGeo(code));
    }
    for (const c of countries) if (c.eurostat_geo) expect(countryToGeo(c.country_code)).toBe(c.eurostat_geo);
    // Aggregates are exactly the codes the schema allows as aggregates (EU27_2007 and EUR12 come
    // from research estimates, not from Eurostat).
    for (const c of countries.filter((c) => c.is_aggregate)) expect(AGGREGATE_CODES as readonly string[]).toContain(c.country_code);
    expect(countries.filter((c) => c.is_aggregate).map((c) => c.country_code)).toEqual(expect.arrayContaining(['EU27_2020', 'EU28']));
  });

  it('lists the core countries and every country of the shared policy tables', () => {
    const codes = new Set(countries.map((c) => c.country_code));
    for (const c of ['JPN', 'KOR', 'ESP', 'ITA', 'GRC', 'PRT']) expect(codes).toContain(c);
    if (missingInputs({ reference: true })) return; // the curated checks above still ran
    const policy = join(REFERENCE_DIR, 'policy');
    for (const f of readdirSync(policy).filter((f) => f.endsWith('.csv'))) {
      const data = Papa.parse<Record<string, string>>(readFileSync(join(policy, f), 'utf8'), { header: true, skipEmptyLines: true }).data;
      for (const r of data) expect(codes, `${f}: ${r.country}`).toContain(r.country);
    }
  });
});
