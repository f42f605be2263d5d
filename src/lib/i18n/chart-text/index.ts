/**
 * Every language's chart dictionary, for the build (pages import it; the browser loads only its
 * page's dictionary through lib/charts/client/page-locale.ts).
 */
import { txWith, type ChartDictionary, type Tx } from '../../charts/locale.ts';
import type { Locale } from '../locales.ts';
import ja from './ja.ts';
import ko from './ko.ts';
import es from './es.ts';
import it from './it.ts';

export const CHART_TEXT: Readonly<Record<Locale, ChartDictionary>> = { en: {}, ja, ko, es, it };

/** Chart text in one language, independent of the current chart language (build-time plans). */
export const txFor = (locale: Locale): Tx => txWith(CHART_TEXT[locale]);
