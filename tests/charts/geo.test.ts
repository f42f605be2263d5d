/**
 * Map geometry and the choropleth's scale: the committed geometry is what tools/make-geo.ts builds
 * from the pinned world-atlas (no hand edits, no drift); every country the map's data names has a
 * shape, small states included; the map stays within its byte budget; the fill classes rise with
 * the value and the legend's breaks stay on the 1–2.5–5 ladder.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { outputs } from '../../tools/make-geo.ts';
import { CHORO_FILLS, fillOf, ladderBreaks, SMALL_STATES } from '../../src/lib/charts/kinds/choropleth.ts';
import { readFixture } from './fixture-db.ts';

const europe = JSON.parse(readFileSync('src/lib/geo/europe.json', 'utf8')) as GeoJSON.FeatureCollection;
const world = JSON.parse(readFileSync('src/lib/geo/world.json', 'utf8')) as { labels: Record<string, [number, number]> };

describe('map geometry', () => {
  it('is exactly what tools/make-geo.ts builds', () => {
    for (const [file, text] of Object.entries(outputs())) expect(readFileSync(file, 'utf8') === text, `${file} differs: run npx tsx tools/make-geo.ts`).toBe(true);
  }, 60_000);

  it('has a shape for every country in the map data, and the four small states', () => {
    const ids = new Set(europe.features.map((f) => String(f.id)));
    const fx = readFixture('europe-map');
    const obs = fx.tables.observations;
    const col = obs.columns.findIndex(([c]) => c === 'country_code');
    const agg = new Set(fx.tables.countries.rows.filter((r) => r[fx.tables.countries.columns.findIndex(([c]) => c === 'is_aggregate')] === true).map((r) => String(r[0])));
    const codes = new Set(obs.rows.map((r) => String(r[col])).filter((c) => !agg.has(c)));
    expect(codes.size).toBeGreaterThan(30);
    for (const c of codes) expect(ids.has(c), c).toBe(true);
    for (const c of ['MLT', 'LUX', 'CYP', 'LIE']) {
      expect(ids.has(c), c).toBe(true);
      expect((SMALL_STATES as readonly string[]).includes(c), c).toBe(true);
    }
  });

  it('has a label point for every country with a regularization programme', () => {
    const fx = readFixture('world-regularizations');
    const t = fx.tables.regularizations;
    const col = t.columns.findIndex(([c]) => c === 'country_code');
    for (const r of t.rows) expect(world.labels[String(r[col])], String(r[col])).toBeDefined();
  });

  it('stays small: Europe under 70 kB and the world under 60 kB of JSON', () => {
    expect(readFileSync('src/lib/geo/europe.json').length).toBeLessThan(70_000);
    expect(readFileSync('src/lib/geo/world.json').length).toBeLessThan(60_000);
  });
});

describe('choropleth scale', () => {
  it('breaks on the 1–2.5–5 ladder, within the values, at most one fewer than the fills', () => {
    const b = ladderBreaks([15, 995, 10_800, 263_670]);
    expect(b.length).toBeLessThanOrEqual(CHORO_FILLS.length - 1);
    for (const x of b) expect(String(x / 10 ** Math.floor(Math.log10(x)))).toMatch(/^(1|2\.5|5)$/);
    expect(Math.min(...b)).toBeGreaterThan(15);
    expect(Math.max(...b)).toBeLessThanOrEqual(263_670);
    expect(ladderBreaks([])).toEqual([]);
  });

  it('gives a darker or equal fill to a larger value, the darkest to the largest, none to no value', () => {
    const values = [15, 900, 1_000, 4_200, 61_200, 263_670];
    const b = ladderBreaks(values);
    const idx = values.map((v) => CHORO_FILLS.indexOf(fillOf(b, v) as (typeof CHORO_FILLS)[number]));
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThanOrEqual(idx[i - 1]);
    expect(idx.at(-1)).toBe(CHORO_FILLS.length - 1);
    expect(idx[0]).toBe(0);
    expect(fillOf(b, null)).toBeNull();
  });
});
