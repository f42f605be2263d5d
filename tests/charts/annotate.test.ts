/**
 * Annotations (src/lib/charts/annotate.ts) drawn over a chart view: a snapshot of an annotated
 * series-lines view on its fixture at both widths, and checks that each kind of annotation lands
 * where it should (notes on top of the data, windows and halos under it, nothing outside the axis).
 */
import { describe, expect, it } from 'vitest';
import { spec as seriesLines } from '../../src/charts/series-lines.ts';
import { parseLoose } from '../../src/lib/charts/url-state.ts';
import { runQueries } from '../../src/lib/charts/run.ts';
import { describeChart, plotOptions, type DrawState } from '../../src/lib/charts/draw.ts';
import { renderSvg } from '../../src/lib/charts/render-node.ts';
import { NARROW_WIDTH, WIDE } from '../../src/lib/charts/prepare-node.ts';
import type { Annotation } from '../../src/lib/charts/annotate.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { fixtureQuery, normalizeSvg, readFixture } from './fixture-db.ts';

describe('annotated chart view', async () => {
  const query = await fixtureQuery(readFixture('series-lines'));
  const state = parseLoose(seriesLines, seriesLines.examples!['country-events']) as DrawState & Record<string, unknown>;
  const rows = await runQueries(seriesLines, state, query);
  // The note sits on a value of the fixture, as a story's `at` key resolves it.
  const peak = rows.data.filter((r) => r.series_id === 'jpn_overstayers').reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
  const annotations: Annotation[] = [
    { type: 'window', from: '2003-09', to: '2004-12', label: 'A shaded window' },
    { type: 'highlight', series: 'jpn_overstayers' },
    { type: 'note', date: String(peak.ref_date), value: peak.value as number, text: 'The highest count in view' },
    { type: 'note', date: '2019-04', value: null, text: 'A dated note at the top' },
    { type: 'note', date: '1850', value: 1, text: 'Out of view, not drawn' },
  ];
  const spec: ChartSpec = { ...seriesLines, annotations };

  it('renders notes, a window and a highlight at both widths (snapshot)', async () => {
    for (const [name, width] of [['wide', WIDE], ['narrow', NARROW_WIDTH]] as const) {
      const svg = renderSvg(plotOptions(spec, rows, state, { width }));
      // Notes wrap into lines (tspans): compare the text with the markup taken out.
      const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(text).toContain('The highest count in view');
      expect(text).toContain('A dated note at the top');
      expect(text).toContain('A shaded window');
      expect(text).not.toContain('Out of view');
      // Window and halo under the lines; notes after the points.
      const at = (cls: string) => svg.indexOf(`class="${cls}`);
      expect(at('chart-annotation-window')).toBeGreaterThan(0);
      expect(at('chart-annotation-window')).toBeLessThan(at('chart-points'));
      expect(at('chart-annotation-highlight')).toBeLessThan(at('chart-points'));
      expect(at('chart-annotation-note')).toBeGreaterThan(at('chart-points'));
      // On a phone the notes are numbered at their points and written out under the chart.
      expect((svg.match(/class="chart-annotation-number"/g) ?? []).length).toBe(name === 'narrow' ? 2 : 0);
      await expect(normalizeSvg(svg)).toMatchFileSnapshot(`__snapshots__/annotated.series-lines.${name}.svg`);
    }
  });

  it('leaves a view without annotations exactly as its kind draws it', () => {
    const plain = renderSvg(plotOptions(seriesLines, rows, state, { width: WIDE }));
    const empty = renderSvg(plotOptions({ ...seriesLines, annotations: [] }, rows, state, { width: WIDE }));
    expect(empty).toBe(plain);
    expect(plain).not.toContain('chart-annotation');
  });

  it('says what is marked in the text alternative', () => {
    expect(describeChart(spec, rows, state)).toMatch(/Marked on the chart: shaded from September 2003 to December 2004: A shaded window; The highest count in view \(.+\); A dated note at the top \(April 2019\)\.$/);
  });
});
