/**
 * Everything a page needs to show a chart without JavaScript, computed at build time: the state,
 * the rows of each dataset, the SVG at a wide and a narrow width, and the text alternative.
 * Used by ChartFigure.astro; other pages can call it directly for custom layouts.
 */
import type { ChartRows, ChartSpec } from './spec.ts';
import { parseLoose } from './url-state.ts';
import { describeChart, plotOptions, type DrawState } from './draw.ts';
import { renderSvg } from './render-node.ts';
import { runQueries } from './run.ts';
import { queryNode } from '../db/node.ts';
import { withChartLocale } from './locale.ts';
import { CHART_TEXT } from '../i18n/chart-text/index.ts';
import { isLocale } from '../i18n/locales.ts';
import { localizeRows } from './data-text.ts';
import { readDataTexts } from '../i18n/data-text-files.ts';

/** Widths of the two pre-rendered SVGs: desktop column and a 375 px phone (minus page padding). */
export const WIDE = 760;
export const NARROW_WIDTH = 343;

export interface PreparedChart {
  state: Record<string, unknown>;
  rows: ChartRows;
  svg: { wide: string; narrow: string };
  summary: string;
}

/** `dataDir`: folder of the Parquet tables to query (default: the published data; pinned embeds pass a frozen release). */
export async function prepareChart(spec: ChartSpec, state: Record<string, unknown> = {}, opts: { dataDir?: string } = {}): Promise<PreparedChart> {
  const full = parseLoose(spec, state) as Record<string, unknown>;
  const locale = isLocale(spec.constants.locale) ? spec.constants.locale : 'en';
  // Data text (series notes, programme names, rule-change titles) in the chart's language.
  const rows = localizeRows(spec, await runQueries(spec, full, (sql) => queryNode(sql, opts.dataDir)), readDataTexts(locale));
  // Drawn in the spec's language (localizeSpec sets constants.locale; English otherwise).
  return withChartLocale(locale, CHART_TEXT[locale], () => ({
    state: full,
    rows,
    svg: {
      wide: renderSvg(plotOptions(spec, rows, full as DrawState, { width: WIDE })),
      narrow: renderSvg(plotOptions(spec, rows, full as DrawState, { width: NARROW_WIDTH })),
    },
    summary: describeChart(spec, rows, full as DrawState),
  }));
}
