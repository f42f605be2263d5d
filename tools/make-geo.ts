/**
 * Builds the map geometry the `choropleth` and `world-bubbles` kinds draw, from Natural Earth
 * boundaries as packaged by `world-atlas` (ISC; Natural Earth data is in the public domain):
 *
 *  - src/lib/geo/europe.json: Europe's countries (1:50m), simplified (Visvalingam, topology kept by
 *    topojson-simplify), clipped to a box around Europe and rounded to 0.01°, each feature keyed by
 *    its ISO 3166-1 alpha-3 code with a label point (centroid of its largest polygon).
 *  - src/lib/geo/world.json: the world's land (1:110m) as one outline, plus a label point for every
 *    country (where a programme's circle sits).
 *
 * Run by `npm run build` and `npm run dev` before Astro; the output is deterministic and committed,
 * so type checks and tests see it, and tests/geo/geo.test.ts fails if it drifts from this script.
 * Usage: npx tsx tools/make-geo.ts [--check]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, merge } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import countries from 'i18n-iso-countries';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Topologies are read as untyped JSON: world-atlas ships no types, and its geometries carry `id` and `properties.name`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Topo = any;
const atlas = (f: string): Topo => JSON.parse(readFileSync(join(root, 'node_modules/world-atlas', f), 'utf8'));

type Ring = [number, number][];
type Poly = Ring[];

/** Europe's frame: west of the Urals, north of Africa, south of Svalbard. */
export const EUROPE_BOX = { west: -25, east: 45, south: 34, north: 71.5 } as const;

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** Sutherland–Hodgman: a ring cut to the box (edges along the box where the ring leaves it). */
function clipRing(ring: Ring, box: typeof EUROPE_BOX): Ring {
  const edges: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= box.west, (a, b) => [box.west, a[1] + ((b[1] - a[1]) * (box.west - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= box.east, (a, b) => [box.east, a[1] + ((b[1] - a[1]) * (box.east - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= box.south, (a, b) => [a[0] + ((b[0] - a[0]) * (box.south - a[1])) / (b[1] - a[1]), box.south]],
    [(p) => p[1] <= box.north, (a, b) => [a[0] + ((b[0] - a[0]) * (box.north - a[1])) / (b[1] - a[1]), box.north]],
  ];
  let out = ring.slice(0, -1);
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (!out.length) return [];
  }
  return [...out, out[0]];
}

/** Rounded, without repeated points; rings under 4 points dropped. */
function tidy(ring: Ring, digits: number): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [round(x, digits), round(y, digits)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  // Under 4 points, or flat (a ring cut down to a line along the frame): nothing to draw.
  return out.length >= 4 && Math.abs(area(out)) > 1e-4 ? out : [];
}

const area = (ring: Ring) => {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return s / 2;
};

/** d3-geo's winding: exterior rings clockwise (negative planar area in lon/lat), holes the other way; clipping can leave either, and a wrong one fills the whole globe. */
function wind(poly: Poly): Poly {
  return poly.map((r, i) => ((i === 0 ? area(r) > 0 : area(r) < 0) ? [...r].reverse() : r));
}

/** Planar centroid of a ring (degrees; fine for a label point). */
function centroid(ring: Ring): [number, number] {
  let x = 0, y = 0, a = 0;
  for (let i = 1; i < ring.length; i++) {
    const f = ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
    x += (ring[i - 1][0] + ring[i][0]) * f;
    y += (ring[i - 1][1] + ring[i][1]) * f;
    a += f;
  }
  if (a === 0) return ring[0];
  return [round(x / (3 * a), 2), round(y / (3 * a), 2)];
}

function polygonsOf(geom: GeoJSON.Geometry | null): Poly[] {
  if (!geom) return [];
  if (geom.type === 'Polygon') return [geom.coordinates as Poly];
  if (geom.type === 'MultiPolygon') return geom.coordinates as Poly[];
  return [];
}

/** ISO alpha-3 of a world-atlas feature (numeric id; Kosovo has none in Natural Earth). */
function alpha3(id: string | number | undefined, name: string): string | null {
  if (id !== undefined) return countries.numericToAlpha3(String(id)) ?? null;
  if (name === 'Kosovo') return 'XKX';
  return null;
}

/** Largest polygon's centroid: France's label sits in France, not between it and Guiana. */
const labelPoint = (polys: Poly[]) => centroid([...polys].sort((a, b) => Math.abs(area(b[0])) - Math.abs(area(a[0])))[0][0]);

export function buildEurope() {
  const full = atlas('countries-50m.json');
  let topo = presimplify(full);
  // Weight in square degrees: about a pixel and a half on a 900 px wide map of Europe.
  topo = simplify(topo, 0.01);
  const obj = topo.objects.countries as Topo;
  // Cyprus is drawn as one island (Eurostat's CY), without the line Natural Earth draws across it.
  const cyprusParts = obj.geometries.filter((g: Topo) => g.properties?.name === 'Cyprus' || g.properties?.name === 'N. Cyprus');
  const cyprus = merge(topo, cyprusParts as never);
  const features: GeoJSON.Feature[] = [];
  for (const g of obj.geometries) {
    const name = g.properties?.name ?? '';
    if (name === 'N. Cyprus') continue;
    const code = alpha3(g.id, name);
    if (!code) continue;
    const geom = name === 'Cyprus' ? cyprus : feature(topo, g as never).geometry;
    const cut = (gm: GeoJSON.Geometry | null, digits: number) =>
      polygonsOf(gm)
        // Pieces across the antimeridian (Chukotka) span 360° of longitude and would clip to a strip.
        .filter((p) => Math.max(...p[0].map((c) => c[0])) - Math.min(...p[0].map((c) => c[0])) < 180)
        .map((p) => p.map((r) => tidy(clipRing(r, EUROPE_BOX), digits)).filter((r) => r.length))
        .filter((p) => p.length)
        .map(wind);
    let polys = cut(geom, 2);
    // Simplified away (Liechtenstein): the unsimplified shape, at a finer rounding.
    if (!polys.length) polys = cut(feature(full, (full.objects.countries as Topo).geometries.find((x: Topo) => x.id === g.id) as never).geometry, 3);
    // Islands under ~2 px are dropped, except a country's largest piece (Malta stays).
    const biggest = Math.max(0, ...polys.map((p) => Math.abs(area(p[0]))));
    const kept = polys.filter((p) => Math.abs(area(p[0])) === biggest || Math.abs(area(p[0])) > 0.02);
    if (!kept.length || code === 'GRL') continue;
    features.push({
      type: 'Feature',
      id: code,
      properties: { name, label: labelPoint(kept) },
      geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept },
    });
  }
  features.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection;
}

export function buildWorld() {
  let topo = atlas('countries-110m.json');
  topo = presimplify(topo);
  topo = simplify(topo, 0.05);
  const obj = topo.objects.countries as Topo;
  const land = merge(topo, obj.geometries.filter((g: Topo) => g.properties?.name !== 'Antarctica') as never);
  const polys = polygonsOf(land)
    .map((p) => p.map((r) => tidy(r, 1)).filter((r) => r.length))
    .filter((p) => p.length)
    .map(wind);
  // Label points from the finer 1:50m map, so small states (Malta, Singapore) have one too.
  const fine = atlas('countries-50m.json');
  const fineObj = fine.objects.countries as Topo;
  const labels: Record<string, [number, number]> = {};
  for (const g of fineObj.geometries) {
    const code = alpha3(g.id, g.properties?.name ?? '');
    if (!code || labels[code]) continue;
    const ps = polygonsOf(feature(fine, g as never).geometry);
    if (ps.length) labels[code] = labelPoint(ps);
  }
  const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
  return { land: { type: 'MultiPolygon', coordinates: polys } as GeoJSON.MultiPolygon, labels: sorted };
}

export function outputs(): Record<string, string> {
  return {
    'src/lib/geo/europe.json': JSON.stringify(buildEurope()) + '\n',
    'src/lib/geo/world.json': JSON.stringify(buildWorld()) + '\n',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  for (const [file, text] of Object.entries(outputs())) {
    const path = join(root, file);
    if (check) {
      const old = readFileSync(path, 'utf8');
      if (old !== text) throw new Error(`${file}: out of date; run npx tsx tools/make-geo.ts`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`${file}: ${text.length} bytes`);
  }
}
