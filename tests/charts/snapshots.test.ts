/**
 * Snapshot of every chart spec rendered to SVG in Node, on its fixture (cut from the published
 * data by tests/charts/make-fixtures.ts). Each spec is drawn in its default state at both
 * pre-rendered widths, plus the spec's named `examples` states (log scale, indexed mode, …).
 * Update with `npx vitest run tests/charts -u` after an intended change, and look at the diff.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/lib/charts/registry.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';
import { runQueries } from '../../src/lib/charts/run.ts';
import { describeChart, plotOptions, type DrawState } from '../../src/lib/charts/draw.ts';
import { renderSvg } from '../../src/lib/charts/render-node.ts';
import { NARROW_WIDTH, WIDE } from '../../src/lib/charts/prepare-node.ts';
import { fixtureQuery, normalizeSvg, readFixture } from './fixture-db.ts';

for (const [id, load] of Object.entries(CHARTS)) {
  describe(`chart ${id}`, async () => {
    const { spec } = await load();
    const query = await fixtureQuery(readFixture(id));
    const variants: Record<string, Record<string, unknown>> = { default: {}, ...spec.examples };
    for (const [variant, input] of Object.entries(variants)) {
      it(`renders ${variant}`, async () => {
        const state = parseLoose(spec, input) as DrawState & Record<string, unknown>;
        const rows = await runQueries(spec, state, query);
        expect(rows[spec.encodings.dataset].length).toBeGreaterThan(0);
        for (const [name, width] of [['wide', WIDE], ['narrow', NARROW_WIDTH]] as const) {
          const svg = renderSvg(plotOptions(spec, rows, state, { width }));
          await expect(normalizeSvg(svg)).toMatchFileSnapshot(`__snapshots__/${id}.${variant}.${name}.svg`);
        }
        await expect(describeChart(spec, rows, state)).toMatchFileSnapshot(`__snapshots__/${id}.${variant}.summary.txt`);
      });
    }
  });
}
