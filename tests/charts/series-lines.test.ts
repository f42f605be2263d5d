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
import { plotOptions, describeChart, chartKey } from '../../src/lib/charts/draw.ts';
import { renderSvg } from '../../src/lib/charts/render-node.ts';
import { tipText } from '../../src/lib/charts/tooltip.ts';
import type { DrawState } from '../../src/lib/charts/plot-options.ts';
import { windowSql, WINDOW_MIN_DAYS } from '../../src/lib/domain/rules.ts';

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
    const ranged = rows.data.filter((r) => r.low !== null || r.high !== null);
    expect(ranged.length).toBeGreaterThan(0);
    for (const r of ranged) {
      expect(r.value).toBeNull();
      expect(Number(r.low)).toBeLessThan(Number(r.high));
    }
    const trainees = await run({ series: ['jpn_technical_intern_missing_unlocated'], countries: ['JPN'], label_by: ['series'], from: 1990, to: 2026 });
    for (const r of trainees.data) if (r.value_kind === 'cumulative') expect(r.window_start).not.toBeNull();
  });

  it('returns totals over a window with the window, and yearly values without one', async () => {
    const rows = await run({ series: ['jpn_technical_intern_missing'], countries: ['JPN'], label_by: ['series'], from: 2000, to: 2026 });
    const decade = rows.data.find((r) => r.value === 66269);
    expect(decade).toMatchObject({ window_start: '2013-01-01', window_end: '2022-12-31', value_kind: 'cumulative', period: '2022-12-31' });
    // Its point sits in the middle of the window, not on its last day.
    expect(String(decade!.ref_date).slice(0, 4)).toBe('2017');
    const y2022 = rows.data.filter((r) => r.period === '2022');
    expect(y2022.length).toBe(1);
    expect(y2022[0]).toMatchObject({ value: 9006, window_start: null, window_end: null });
    // A total over a window never shares a row (and so a point) with a yearly value of the same period.
    const keys = rows.data.map((r) => `${r.line_id}|${r.period}|${r.window_start ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
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

describe('series-lines windows', () => {
  it('draws a total over a window as a bracket across it, says so in the tooltip, summary and key', async () => {
    const st = parseLoose(spec, { series: ['jpn_technical_intern_missing'], labels: ['Interns gone missing'], countries: ['JPN'], label_by: ['series'], from: 2000, to: 2026 }) as DrawState & Record<string, unknown>;
    const rows = await runQueries(spec, st, query);
    const i = rows.data.findIndex((r) => r.value === 66269);
    expect(i).toBeGreaterThanOrEqual(0);
    const svg = renderSvg(plotOptions(spec, rows, st, { width: 700 }));
    // One bracket per window in view, and the window's point carries its wording.
    const windows = rows.data.filter((r) => r.window_start !== null).length;
    expect(windows).toBeGreaterThan(1);
    const group = /<g class="chart-windows" aria-hidden="true">(.*?)<\/g>/s.exec(svg);
    expect(group).not.toBeNull();
    expect(group![1].match(/<path /g)?.length).toBe(windows);
    expect(tipText('series', rows.data[i])).toContain('Total over 2013 to 2022');
    expect(svg).toContain('Total over 2013 to 2022');

    expect(describeChart(spec, rows, st)).toContain('66,269 over 2013 to 2022');
    expect(chartKey(spec).map((k) => k.symbol)).toContain('bracket');
  });
});

describe('window rule', () => {
  it('agrees with period_type: cumulative, or a flow over more than a year', async () => {
    const rows = await query(`SELECT count(*) FILTER (WHERE a IS DISTINCT FROM b) AS diff, count(*) FILTER (WHERE a) AS n FROM (
      SELECT (o.period_type = 'cumulative' OR (o.period_type = 'flow' AND date_diff('day', o.period_start, o.period_end) > ${WINDOW_MIN_DAYS})) AS a,
             ${windowSql('o', 's')} AS b
      FROM observations o JOIN series s USING (series_id))`);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    expect(Number(rows[0].diff)).toBe(0);
  });
});
