/**
 * The page's language for chart text in the browser: `<html lang>`, read once. English pages load
 * nothing more; other languages load their chart dictionary (a small chunk) before the first
 * tooltip or redraw.
 */
import { DEFAULT_LOCALE, isLocale } from '../../i18n/locales.ts';
import { setChartLocale } from '../locale.ts';
import type { ChartDictionary } from '../locale.ts';

const dictionaries = import.meta.glob<{ default: ChartDictionary }>('../../i18n/chart-text/??.ts');
let ready: Promise<void> | null = null;

export function usePageLocale(): Promise<void> {
  return (ready ??= (async () => {
    const lang = document.documentElement.lang;
    const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
    if (locale === DEFAULT_LOCALE) return;
    const load = dictionaries[`../../i18n/chart-text/${locale}.ts`];
    setChartLocale(locale, load ? (await load()).default : {});
  })());
}
