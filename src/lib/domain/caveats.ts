/**
 * The caveat a shared chart must carry, written once: social images print it, and any page or
 * story that quotes a view can reuse it. Decided by the kind of series in view, not by chart.
 */

/** Series categories as published (data/series/*.yml `category`). */
export type SeriesCategory = 'irregular_residence' | 'enforcement' | 'regularization_flow' | 'labour' | 'population' | string;

export const CAVEATS = {
  events: 'Apprehensions and refusals are events, not people: one person can be counted several times, and policing effort moves the count.',
  definitions: 'Each country counts differently (overstayers, everyone beyond permitted stay, research estimates): compare trends, not levels.',
} as const;

/** The caveat for a view drawing these series (with their categories) in these countries, if any. */
export function viewCaveat(series: { category: SeriesCategory }[], countries: readonly string[]): string | null {
  if (series.some((s) => s.category === 'enforcement')) return CAVEATS.events;
  if (series.some((s) => s.category === 'irregular_residence') && new Set(countries).size > 1) return CAVEATS.definitions;
  return null;
}
