/**
 * Issue 15: windows, breaks and quality grades, on the real curated data (plus the Eurostat
 * modules when the raw snapshot is present), and the rules themselves on small inputs.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Observation, Series } from '../../src/lib/schema.ts';
import { qualityGrade } from '../../src/lib/quality.ts';
import { coverageMatrix } from '../../scripts/lib/coverage.ts';
import { loadCurated, type CuratedObservation, type Located } from '../../scripts/lib/curated.ts';
import { resolvePeriod } from '../../scripts/lib/period-type.ts';
import { parseRow } from '../../scripts/lib/row-schema.ts';
import { findJumps, jumpExplained } from '../../scripts/lib/series-rules.ts';
import { validateAll } from '../../scripts/lib/validate.ts';
import { defaultRawDir, loadSourceModules } from '../../scripts/pipeline.ts';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function realData() {
  const curated = await loadCurated(join(REPO, 'data/curated'), join(REPO, 'data/series'));
  const rows: Located<CuratedObservation>[] = [...curated.observations];
  if (existsSync(defaultRawDir())) {
    for (const mod of await loadSourceModules()) {
      for (const r of await mod.load({ rawDir: defaultRawDir() })) {
        rows.push({ row: parseRow<CuratedObservation>('observations', r as unknown as Record<string, unknown>, mod.id, 0), file: mod.id, line: 0 });
      }
    }
  }
  const { observations } = validateAll(curated, rows, { today: '2026-12-31' });
  return { curated, observations: observations.map((o) => o.row) };
}

const series = (over: Partial<Series> = {}): Series =>
  ({ series_id: 's', measure: 'flow', breaks: [], jumps: [], comparability: [], quality: null, ...over }) as Series;
const obs = (period: string, value: number, over: Partial<Observation> = {}): Observation =>
  ({ series_id: 's', country_code: 'ESP', period, period_start: `${period}-01-01`, period_end: `${period}-12-31`, period_type: 'flow', sex: null, age: null,
    citizenship_code: null, status: null, value, unit: 'persons', value_kind: 'count', flags: null, is_preferred: true, source_id: 'x', note: null, ...over }) as Observation;

describe('real data (issue 15)', async () => {
  const { curated, observations } = await realData();

  it('every observation has a period type and a window that is not reversed', () => {
    for (const o of observations) {
      expect(['stock', 'flow', 'cumulative', 'average']).toContain(o.period_type);
      expect(o.period_start <= o.period_end).toBe(true);
    }
  });

  it('no cumulative value is dated as a single day', () => {
    const bad = observations.filter((o) => (o.period_type === 'cumulative' || o.value_kind === 'cumulative') && o.period_start === o.period_end);
    expect(bad.map((o) => `${o.series_id} ${o.period}`)).toEqual([]);
  });

  it('the windows named in issue 15 are bounded', () => {
    const titp = observations.find((o) => o.series_id === 'jpn_technical_intern_missing' && o.value === 66269);
    expect(titp).toMatchObject({ period_type: 'cumulative', period_start: '2013-01-01', period_end: '2022-12-31' });
    const removals = observations.filter((o) => o.series_id === 'jpn_removals_executed' && o.value_kind === 'cumulative');
    expect(removals.length).toBeGreaterThan(0);
    for (const o of removals) expect(o.period_start).toBe('2024-06-10');
    const ytd = observations.filter((o) => o.series_id === 'kor_eps_e9_entries' && o.value_kind === 'cumulative');
    for (const o of ytd) expect(o.period_start < o.period_end).toBe(true);
  });

  it('every year-on-year jump above 3x is covered by a break, a b flag or a listed jump', () => {
    const byId = new Map(curated.series.map((s) => [s.row.series_id, s.row]));
    const open = findJumps(observations).filter((j) => !jumpExplained(j, byId.get(j.series_id)!));
    expect(open.map((j) => `${j.series_id} ${j.country_code} ${j.from.period}->${j.to.period}`)).toEqual([]);
  });

  it('every series holding estimates has a quality grade that follows its criteria', () => {
    const estimated = new Set(observations.filter((o) => o.value_kind.startsWith('estimate_')).map((o) => o.series_id));
    for (const s of curated.series) {
      if (estimated.has(s.row.series_id)) expect(s.row.quality, s.row.series_id).not.toBeNull();
      if (s.row.quality) expect(s.row.quality.grade).toBe(qualityGrade(s.row.quality));
    }
  });

  it('meets the issue 15 targets: irregular residence in >= 14 countries, >= 90 programmes in >= 21 countries', () => {
    const irr = new Set(curated.series.filter((s) => s.row.category === 'irregular_residence').map((s) => s.row.series_id));
    const aggregates = new Set(curated.countries.filter((c) => c.row.is_aggregate).map((c) => c.row.country_code));
    const countries = new Set(observations.filter((o) => irr.has(o.series_id) && !aggregates.has(o.country_code)).map((o) => o.country_code));
    expect(countries.size).toBeGreaterThanOrEqual(14);
    const regs = curated.regularizations.map((r) => r.row);
    expect(regs.length).toBeGreaterThanOrEqual(90);
    expect(new Set(regs.map((r) => r.country_code)).size).toBeGreaterThanOrEqual(21);
    for (const id of ['ita-1986-l943-foschi', 'ita-1995-dini']) expect(regs.some((r) => r.regularization_id === id)).toBe(true);
    expect(observations.some((o) => o.series_id === 'twn_missing_migrant_workers')).toBe(true);
  });

  it('ISMU 2008: the 724,000 quota-application figure is kept but not preferred', () => {
    const rows = observations.filter((o) => o.series_id === 'ita_irregular_estimate_ismu' && o.period === '2008-01-01');
    expect(rows.find((o) => o.is_preferred)?.value).toBe(651000);
    expect(rows.find((o) => o.value === 724000)?.is_preferred).toBe(false);
  });
});

describe('rules', () => {
  const at = { file: 'f.csv', line: 2 };
  it('refuses a cumulative total dated as one day, and says what to write', () => {
    const r = { period: '2022-12-31', value_kind: 'cumulative' } as CuratedObservation;
    expect(() => resolvePeriod(r, { start: '2022-12-31', end: '2022-12-31' }, series(), at)).toThrow(/f\.csv:2 \[period_start\].*single day/);
    expect(resolvePeriod({ ...r, period_start: '2013-01-01' }, { start: '2022-12-31', end: '2022-12-31' }, series(), at)).toEqual({
      period_start: '2013-01-01',
      period_end: '2022-12-31',
      period_type: 'cumulative',
    });
  });
  it('derives stock, flow and average from the series measure', () => {
    const r = { period: '2020', value_kind: 'count' } as CuratedObservation;
    const y = { start: '2020-01-01', end: '2020-12-31' };
    expect(resolvePeriod(r, y, series({ measure: 'stock' }), at).period_type).toBe('stock');
    expect(resolvePeriod(r, y, series({ measure: 'rate' }), at).period_type).toBe('average');
    expect(() => resolvePeriod({ ...r, period_end: '2021-01-01' }, y, series(), at)).toThrow(/outside period/);
  });
  it('finds a 3x jump and accepts a break, a b flag or a listed jump', () => {
    const rows = [obs('2014', 100), obs('2015', 400)];
    const [j] = findJumps(rows);
    expect(j.ratio).toBe(4);
    expect(jumpExplained(j, series())).toBe(false);
    expect(jumpExplained(j, series({ breaks: [{ date: '2015', note: 'n', country_code: null }] }))).toBe(true);
    expect(jumpExplained(j, series({ breaks: [{ date: '2015', note: 'n', country_code: 'ITA' }] }))).toBe(false);
    expect(jumpExplained(j, series({ jumps: [{ country_code: 'ESP', period: '2015', note: 'n' }] }))).toBe(true);
    expect(jumpExplained(findJumps([obs('2014', 100), obs('2015', 400, { flags: 'b' })])[0], series())).toBe(true);
    expect(findJumps([obs('2014', 100), obs('2016', 400)])).toEqual([]);
  });
  it('coverage marks years between a country\'s values as missing', () => {
    const m = coverageMatrix([obs('2014', 1), obs('2016', 2)]);
    expect(m.map((r) => `${r.year}:${r.status}`)).toEqual(['2014:present', '2015:missing', '2016:present']);
  });
});
