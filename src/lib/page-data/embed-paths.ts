/**
 * The embed routes on the latest data: every registered chart (its state in the URL) and every
 * page view (a chart of a country or series page, its state fixed). One list for every language's
 * /embed/<id>/ (src/pages/embed/[chart]/ and src/pages/[locale]/embed/[chart]/).
 */
import { CHARTS } from '../charts/registry.ts';
import { allViews, type ChartView } from './views.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

export async function embedPaths(locale: Locale = DEFAULT_LOCALE): Promise<{ params: { chart: string }; props: { view: ChartView | null } }[]> {
  const views = await allViews(locale);
  return [
    ...Object.keys(CHARTS).map((chart) => ({ params: { chart }, props: { view: null } })),
    ...views.map((view) => ({ params: { chart: view.id }, props: { view } })),
  ];
}
