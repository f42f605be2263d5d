/**
 * plotOptions is pure: same inputs, same output; inputs never mutated; no DOM or fetch touched
 * while building the options. And every text from data reaches the SVG as escaped text.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';
import { runQueries } from '../../src/lib/charts/run.ts';
import { logTicks, type DrawState } from '../../src/lib/charts/plot-options.ts';
import { plotOptions } from '../../src/lib/charts/draw.ts';
import { renderSvg } from '../../src/lib/charts/render-node.ts';
import { tipContent, tipText } from '../../src/lib/charts/tooltip.ts';
import { packRows, unpackRows, clientColumns } from '../../src/lib/charts/pack.ts';
import type { ChartRows } from '../../src/lib/charts/spec.ts';
import { fixtureQuery, readFixture } from './fixture-db.ts';

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
}

let rows: ChartRows;
const state = parseLoose(spec, {}) as DrawState & Record<string, unknown>;

beforeAll(async () => {
  rows = await runQueries(spec, state, await fixtureQuery(readFixture(spec.id)));
});

describe('plotOptions', () => {
  it('does not mutate its inputs and gives the same SVG twice', () => {
    const frozen = deepFreeze(structuredClone(rows));
    const frozenState = deepFreeze({ ...state });
    const a = renderSvg(plotOptions(spec, frozen, frozenState, { width: 700 }));
    const b = renderSvg(plotOptions(spec, frozen, frozenState, { width: 700 }));
    expect(a).toBe(b);
    expect(frozen).toEqual(rows);
  });

  it('touches no DOM and no network while building options', () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    vi.stubGlobal('document', undefined);
    try {
      const opts = plotOptions(spec, rows, { ...state, scale: 'log', mode: 'indexed' }, { width: 360 });
      expect(opts.marks?.length).toBeGreaterThan(5);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('indexes each line to 100 at its first value in view', () => {
    const svg = renderSvg(plotOptions(spec, rows, { ...state, mode: 'indexed' }, { width: 700 }));
    expect(svg).toContain('Index, first value shown = 100');
  });

  it('draws no event strip for a layer that is off', () => {
    const on = renderSvg(plotOptions(spec, rows, state, { width: 700 }));
    const off = renderSvg(plotOptions(spec, rows, { ...state, layers: [] }, { width: 700 }));
    expect(on).toContain('data-tip="regularizations:');
    expect(off).not.toContain('data-tip="regularizations:');
    expect(off).not.toContain('data-tip="rule_changes:');
  });

  it('gives every drawn row a tooltip target and one tab stop per line', () => {
    const svg = renderSvg(plotOptions(spec, rows, state, { width: 700 }));
    const tips = svg.match(/data-tip="data:\d+"/g) ?? [];
    expect(tips.length).toBe(rows.data.length);
    const lines = new Set(rows.data.map((r) => r.line_id));
    const stops = (svg.match(/<circle[^>]*>/g) ?? []).filter((el) => /data-tip="data:/.test(el) && /tabindex="0"/.test(el));
    expect(stops.length).toBe(lines.size);
  });

  it('escapes text from data', () => {
    const evil: ChartRows = structuredClone(rows);
    evil.data = evil.data.map((r) => ({ ...r, label: '<script>alert(1)</script> & "x"' }));
    evil.rule_changes = evil.rule_changes.map((r) => ({ ...r, title_en: '<img src=x onerror=alert(1)>' }));
    const svg = renderSvg(plotOptions(spec, evil, state, { width: 700 }));
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('picks readable log ticks', () => {
    expect(logTicks(40_000, 1_200_000, false)).toEqual([50_000, 100_000, 200_000, 500_000, 1_000_000]);
    expect(logTicks(58_000, 298_000, true).length).toBeGreaterThanOrEqual(2);
  });
});

describe('tooltips and embedded rows', () => {
  it('words a series point with value, date, kind and source', () => {
    const r = rows.data.find((x) => x.value_kind === 'count')!;
    const t = tipContent('series', r);
    expect(t.heading).toBe(r.label);
    expect(t.lines.join(' ')).toMatch(/official count/);
    expect(t.source?.href).toMatch(/^https?:\/\//);
    expect(tipText('series', r)).not.toContain('Source');
  });

  it('packs and unpacks the client columns without loss', () => {
    const cols = clientColumns(spec);
    const back = unpackRows(JSON.parse(JSON.stringify(packRows(rows, cols))));
    for (const [name, list] of Object.entries(back)) {
      expect(list.length).toBe(rows[name].length);
      list.forEach((r, i) => {
        for (const c of cols[name]) expect(r[c]).toEqual(rows[name][i][c] ?? null);
      });
    }
  });
});
