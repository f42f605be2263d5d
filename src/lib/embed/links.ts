/**
 * Where an embed links back to: the page that shows the full chart (controls, comparability notes,
 * data table, every source). Browser-safe.
 */

/** Full-chart pages by spec id, relative to the site base (the figure's id is the spec id); others link home. */
const FULL_CHART_PAGES: Record<string, string> = {
  'irregular-residence-comparison': '',
  explore: 'explore/',
  'regularization-timeline': 'regularizations/',
  'rule-change-timeline': 'rule-changes/',
  // The maps page: each chart has its own query parameters, so all of them keep their state there.
  'europe-map': 'maps/',
  'eu-apprehensions-grid': 'maps/',
  'core-small-multiples': 'maps/',
  'world-regularizations': 'maps/',
};

/** Site-relative URL of the full chart for a state (`?…` as the full page reads it). */
export function fullChartHref(base: string, chartId: string, search = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const page = FULL_CHART_PAGES[chartId];
  // The theme belongs to the embed, not to the site page.
  const params = new URLSearchParams(search);
  params.delete('theme');
  const q = params.toString().replaceAll('%2C', ',');
  // A chart with no page of its own: the home page, without a fragment that would name nothing.
  if (page === undefined) return b;
  return `${b}${page}${q ? `?${q}` : ''}#${chartId}`;
}
