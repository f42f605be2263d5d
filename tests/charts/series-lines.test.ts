/**
 * The generic line chart of the country and series pages (src/charts/series-lines.ts), run on its
 * fixture (tests/fixtures/charts/series-lines.json, cut from the published data). The SVG
 * snapshots are in snapshots.test.ts; this file checks the rules the pages rely on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spec } from '../../src/charts/series-lines.ts';
import { lineColors } from '../../src/lib/charts/plot-options.ts';
import { COUNTRY_COLORS } from '../../src/lib/domain/countries.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';
import { runQueries, type QueryFn } from '../../src/lib/charts/run.ts';
import { fixtureQuery, readFixture } from './fixture-db.ts';

let query: QueryFn;
beforeAll(async () => {
  query = await fixtureQuery(readFixture('series-lines'));
});

const run = (input: Record<string, unknown>) => runQueries(spec, parseLoose(spec, input) as Record<string, unknown>, query);

describe('series-lines state', () => {
  it('falls back to defaults on garbage, never throws', () => {
    const s = parseLoose(spec, { series: ["x'; DROP TABLE observations; --"], countries: ['nope'], from: 'abc', label_by: 'weird', layers: 'reg,evil' });
    expect(s.series).toEqual(['jpn_overstayers']);
    expect(s.countries).toEqual([]);
    expect(s.from).toBe(1990);
    expect(s.label_by).toEqual(['country']);
    expect(s.layers).toEqual(['reg']);
  });

  it('swaps years given in the wrong order', () => {
    const s = parseLoose(spec, { from: 2020, to: 2000 });
    expect([s.from, s.to]).toEqual([2000, 2020]);
  });
});

describe('series-lines queries', () => {
  it('draws preferred totals only, one colour key per line', async () => {
    const rows = await run({ series: ['esp_irregular_estimate_funcas', 'esp_irregular_padron_minus_permits'], labels: ['Funcas', 'Padrón'], countries: ['ESP'], label_by: ['series'], from: 2000, to: 2026 });
    const data = rows.data;
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((r) => r.label))).toEqual(new Set(['Funcas', 'Padrón']));
    // One row per line and period: alternatives and breakdowns never add points.
    const keys = data.map((r) => `${r.line_id}|${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Colour keys are countries; the chart gives Spain's first line Spain's colour and the second another hue.
    for (const r of data) expect(r.color_key).toBe('ESP');
    const colorOf = lineColors(spec, data);
    const lines = [...new Set(data.map((r) => String(r.line_id)))];
    expect(colorOf(lines[0], 'ESP')).toBe(COUNTRY_COLORS.ESP);
    expect(colorOf(lines[1], 'ESP')).not.toBe(COUNTRY_COLORS.ESP);
    for (const r of data) expect(r.draw_kind).toBe('estimate_central');
  });

  it('keeps ranges as low/high on one point and never joins running totals', async () => {
    const rows = await run({ series: ['esp_irregular_estimate_porcausa'], countries: ['ESP'], label_by: ['series'], from: 2015, to: 2026 });
    expect(rows.data.length).toBeGreaterThan(0);
    for (const r of rows.data) {
      expect(r.value).toBeNull();
      expect(Number(r.low)).toBeLessThan(Number(r.high));
    }
    const trainees = await run({ series: ['jpn_technical_intern_missing_unlocated'], countries: ['JPN'], label_by: ['series'], from: 1990, to: 2026 });
    for (const r of trainees.data) expect(r.value_kind).not.toBe('cumulative');
  });

  it('labels by country when asked and uses the series title when no label is given', async () => {
    const rows = await run({ series: ['jpn_overstayers'], countries: ['JPN'], label_by: ['series', 'country'], from: 2020, to: 2026 });
    expect(rows.data[0].label).toBe('Overstayers in Japan (ISA count) · Japan');
  });

  it('marks only programmes of the event countries, and codes rule changes by direction', async () => {
    const rows = await run({ series: ['jpn_overstayers'], countries: ['JPN'], event_countries: ['JPN'], layers: ['reg', 'rules'], from: 1980, to: 2030 });
    expect(rows.regularizations.length).toBeGreaterThan(0);
    for (const r of rows.regularizations) {
      expect(r.country_code).toBe('JPN');
      expect(['one_off', 'worker_legalization']).toContain(r.kind);
      expect(r.color_key).toBe('JPN'); // a country's programmes take the country's colour
    }
    expect(rows.rule_changes.length).toBeGreaterThan(0);
    for (const r of rows.rule_changes) expect(Object.keys(spec.palette)).toContain(r.color_key);
    const none = await run({ series: ['jpn_overstayers'], countries: ['JPN'], from: 1980, to: 2030 });
    expect(none.regularizations).toEqual([]);
    expect(none.rule_changes).toEqual([]);
  });
});
