/**
 * The quick path (src/lib/charts/quick.ts) against the engine: for every control of every chart,
 * the rows the page derives from what it already holds are the rows the SQL returns for that
 * state (in the columns the page holds), and the SVG drawn from them is the same, byte for byte.
 * Runs on the published tables (public/data) with @duckdb/node-api, the build-time engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chartModulesFromDisk } from '../../src/lib/charts/registry-node.ts';
import type { ChartRows, ChartSpec } from '../../src/lib/charts/spec.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';
import { runQueries } from '../../src/lib/charts/run.ts';
import { queryNode } from '../../src/lib/db/node.ts';
import { clientColumns } from '../../src/lib/charts/pack.ts';
import { quickRows, widestState } from '../../src/lib/charts/quick.ts';
import { plotOptions, type DrawState } from '../../src/lib/charts/draw.ts';
import { renderSvg } from '../../src/lib/charts/render-node.ts';

type State = Record<string, unknown>;
const specs: ChartSpec[] = [];

beforeAll(async () => {
  for (const load of Object.values(chartModulesFromDisk())) specs.push(((await load()) as { spec: ChartSpec }).spec);
});

/** What the page holds: drawn datasets only, in the packed columns. */
function asHeld(spec: ChartSpec, rows: ChartRows): ChartRows {
  const cols = clientColumns(spec);
  const out: ChartRows = {};
  for (const [name, data] of Object.entries(rows)) {
    if (spec.datasets[name]?.role === 'meta') continue;
    out[name] = data.map((r) => Object.fromEntries(cols[name].map((c) => [c, r[c] ?? null])));
  }
  return out;
}

const engine = async (spec: ChartSpec, state: State) => runQueries(spec, state, (sql) => queryNode(sql));
const svg = (spec: ChartSpec, rows: ChartRows, state: State) => renderSvg(plotOptions(spec, rows, state as DrawState, { width: 700 }));

/** States a reader reaches with one control from the default view (and a few from a changed view). */
function statesFor(spec: ChartSpec, base: State, held: ChartRows): { control: string; quickable: boolean; state: State }[] {
  const out: { control: string; quickable: boolean; state: State }[] = [];
  const ruled = new Set((spec.quick?.rules ?? []).flatMap((r) => (r.kind === 'list' ? [r.key] : [r.from, r.to])));
  const queryParams = new Set(Object.values(spec.datasets).flatMap((d) => d.query.match(/\$[a-z_]+/g) ?? []).map((p) => p.slice(1)));
  for (const c of spec.controls) {
    if (c.kind === 'year-range') {
      const min = c.min;
      const max = c.max;
      const mid = Math.round((min + max) / 2);
      for (const [from, to] of [[min, max], [base[c.fromKey] as number, max - 5], [mid, max], [min, mid], [mid - 3, mid + 3], [2000, 2000]])
        out.push({ control: `${c.legend} ${from}–${to}`, quickable: ruled.has(c.fromKey), state: parseLoose(spec, { ...base, [c.fromKey]: from, [c.toKey]: to }) as State });
      continue;
    }
    const key = c.key;
    const options = c.options.length
      ? c.options.map((o) => o.value)
      : [...new Set((held[spec.encodings.dataset] ?? []).map((r) => String(r[key === 'countries' ? 'country_code' : 'series_id'])))];
    const quickable = !queryParams.has(key) || ruled.has(key);
    if (c.kind === 'checkboxes') {
      const cur = (base[key] as string[]) ?? [];
      for (const v of options) {
        const toggled = cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v];
        out.push({ control: `${c.legend}: toggle ${v}`, quickable: quickable && cur.includes(v), state: parseLoose(spec, { ...base, [key]: toggled }) as State });
        out.push({ control: `${c.legend}: only ${v}`, quickable, state: parseLoose(spec, { ...base, [key]: [v] }) as State });
      }
    } else {
      for (const v of options) out.push({ control: `${c.legend}: ${v}`, quickable, state: parseLoose(spec, { ...base, [key]: v }) as State });
    }
  }
  // Controls combined: the narrowest view with the other view options changed.
  const years = spec.controls.find((c) => c.kind === 'year-range');
  if (years && years.kind === 'year-range')
    out.push({ control: 'combined', quickable: true, state: parseLoose(spec, { ...base, scale: 'log', mode: 'indexed', layers: ['rules'], [years.fromKey]: 1995, [years.toKey]: 2015, ...(Array.isArray(base.countries) && (base.countries as string[]).length > 1 ? { countries: (base.countries as string[]).slice(1) } : {}) }) as State });
  return out;
}

describe('quick redraw = engine redraw, every control of every chart', () => {
  it('covers each chart with controls', async () => {
    const withControls = specs.filter((s) => s.controls.length);
    expect(withControls.length).toBeGreaterThan(0);
    let checked = 0;
    for (const spec of withControls) {
      const base = parseLoose(spec, {}) as State;
      const wide = widestState(spec, base);
      const held = { state: wide, rows: asHeld(spec, await engine(spec, wide)) };
      for (const { control, quickable, state } of statesFor(spec, base, held.rows)) {
        const quick = quickRows(spec, held, state);
        const label = `${spec.id} · ${control}`;
        if (quickable && !(spec.quick?.cap && new Set((held.rows.data ?? []).map((r) => r.line_id)).size >= spec.quick.cap.max))
          expect(quick, `${label}: the page holds what it needs`).not.toBeNull();
        if (!quick) continue;
        const truth = await engine(spec, state);
        expect(quick, label).toEqual(asHeld(spec, truth));
        expect(svg(spec, quick, state), label).toBe(svg(spec, truth, state));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  }, 300_000);

  it('refuses what the page does not hold', async () => {
    for (const spec of specs.filter((s) => s.quick)) {
      const base = parseLoose(spec, {}) as State;
      const years = spec.controls.find((c) => c.kind === 'year-range');
      if (!years || years.kind !== 'year-range') continue;
      const narrow = parseLoose(spec, { ...base, [years.fromKey]: 2000, [years.toKey]: 2010 }) as State;
      const held = { state: narrow, rows: asHeld(spec, await engine(spec, narrow)) };
      expect(quickRows(spec, held, parseLoose(spec, { ...base, [years.fromKey]: 1995, [years.toKey]: 2010 }) as State)).toBeNull();
    }
  }, 120_000);
});
