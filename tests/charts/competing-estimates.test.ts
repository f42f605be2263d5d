/**
 * The competing-estimates chart (src/charts/competing-estimates.ts, kind competing-estimates) on
 * its fixture: every estimator of one country, with its grade beside its name, estimator hues
 * (never a country's colour), ranges kept on their point, and vintages in the tooltip and summary.
 * SVG snapshots are in snapshots.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../src/charts/competing-estimates.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';
import { runQueries, type QueryFn } from '../../src/lib/charts/run.ts';
import { plotOptions, describeChart, chartKey } from '../../src/lib/charts/draw.ts';
import { renderSvg } from '../../src/lib/charts/render-node.ts';
import { tipText } from '../../src/lib/charts/tooltip.ts';
import type { DrawState } from '../../src/lib/charts/plot-options.ts';
import { COUNTRY_COLORS } from '../../src/lib/domain/countries.ts';
import { ESTIMATOR_COLORS, estimatorName } from '../../src/lib/domain/estimators.ts';
import { fixtureQuery, readFixture } from './fixture-db.ts';

let query: QueryFn;
beforeAll(async () => {
  query = await fixtureQuery(readFixture('competing-estimates'));
});

const stateOf = (input: Record<string, unknown>) => parseLoose(spec, input) as DrawState & Record<string, unknown>;

describe('competing-estimates', () => {
  it('falls back to the default country on garbage', () => {
    expect(stateOf({ country: "x'; DROP TABLE series; --" }).country).toBe('USA');
  });

  it('draws every graded estimator of the United States, each named with its grade', async () => {
    const rows = await runQueries(spec, stateOf({ country: 'USA' }), query);
    const names = new Set(rows.data.map((r) => String(r.estimator)));
    for (const n of ['DHS', 'Pew Research Center', 'MPI', 'CMS', 'CIS']) expect(names).toContain(n);
    for (const r of rows.data) {
      expect(r.grade).toMatch(/^[A-D]$/);
      expect(r.label).toBe(`${r.estimator} (grade ${r.grade})`);
      expect(r.country_code).toBe('USA');
      expect(r.value_kind).toBe('estimate_central');
    }
    // Best grade first.
    const grades = rows.data.map((r) => String(r.grade));
    expect([...grades].sort()).toEqual(grades);
  });

  it('keeps a published range on its point, as low and high', async () => {
    const rows = await runQueries(spec, stateOf({ country: 'GBR' }), query);
    const ho = rows.data.filter((r) => r.series_id === 'gbr_irregular_estimate_home_office');
    expect(ho.length).toBe(1);
    expect(Number(ho[0].low)).toBeLessThan(Number(ho[0].value));
    expect(Number(ho[0].value)).toBeLessThan(Number(ho[0].high));
  });

  it('colours estimators with estimator hues, never a country colour', async () => {
    const st = stateOf({ country: 'ESP', from: 2000 });
    const rows = await runQueries(spec, st, query);
    const svg = renderSvg(plotOptions(spec, rows, st, { width: 700 }));
    expect(svg).not.toContain(COUNTRY_COLORS.ESP);
    const lines = new Set(rows.data.map((r) => r.line_id)).size;
    expect(lines).toBeGreaterThanOrEqual(2);
    for (const c of ESTIMATOR_COLORS.slice(0, Math.min(lines, ESTIMATOR_COLORS.length))) expect(svg).toContain(c);
  });

  it('says the grade and the vintage in the tooltip, the summary and the key', async () => {
    const st = stateOf({ country: 'USA' });
    const rows = await runQueries(spec, st, query);
    const dhs = rows.data.find((r) => r.estimator === 'DHS' && r.vintage);
    expect(dhs).toBeDefined();
    const tip = tipText('series', dhs!);
    expect(tip).toContain('DHS (grade B)');
    expect(tip).toMatch(/Published \S/);
    const text = describeChart(spec, rows, st);
    expect(text).toContain('DHS (grade B)');
    expect(text).toMatch(/Published \d{4}/);
    expect(chartKey(spec).map((k) => k.symbol)).toContain('grade');
  });

  it('names an estimator from its series title', () => {
    expect(estimatorName('Unauthorised immigrants in the United States (DHS estimate)')).toBe('DHS');
    expect(estimatorName('Unauthorised immigrants in the United States (CPS-based estimates compiled by CRS)')).toBe('CPS-based estimates compiled by CRS');
    expect(estimatorName('No brackets')).toBe('No brackets');
  });
});
