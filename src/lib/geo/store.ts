/**
 * Map geometry for the map kinds, held once per page. In the browser it is loaded only when a map
 * chart hydrates (`loadGeometry`, one content-hashed chunk per map), so no other chart's script
 * carries it; in Node, ./node.ts registers it up front (the build and tests draw synchronously).
 * Built by tools/make-geo.ts.
 */
export interface EuropeFeature extends GeoJSON.Feature<GeoJSON.Geometry, { name: string; label: [number, number] }> {}
export interface Geometry {
  europe: { type: 'FeatureCollection'; features: EuropeFeature[] };
  world: { land: GeoJSON.MultiPolygon; labels: Record<string, [number, number]> };
}
export type MapName = keyof Geometry;

const store: Partial<Geometry> = {};

export function setGeometry(g: Partial<Geometry>): void {
  Object.assign(store, g);
}

/** The geometry of `name`; a clear error when a renderer draws before loading it. */
export function geometry<K extends MapName>(name: K): Geometry[K] {
  const g = store[name];
  if (!g) throw new Error(`map geometry "${name}" is not loaded: call the kind's load() (draw.ts loadKind) before drawing`);
  return g as Geometry[K];
}

export async function loadGeometry(name: MapName): Promise<void> {
  if (store[name]) return;
  const mod = name === 'europe' ? await import('./europe.json') : await import('./world.json');
  store[name] = mod.default as never;
}
