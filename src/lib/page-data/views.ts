/**
 * Chart views: a registered chart (src/charts/<id>.ts) in a state and with words a page chose. The
 * country and series pages draw the generic `series-lines` chart once per view; the embed routes
 * build the same views, so every chart on every page has an embed at `/embed/<view id>/` that
 * shows exactly what the page shows, and links back to it.
 *
 * Node-only (plans read the published tables).
 */
import { YEAR_MAX } from '../charts/url-state.ts';
import { spec as seriesLines } from '../../charts/series-lines.ts';
import { spec as regularizationTimeline } from '../../charts/regularization-timeline.ts';
import { spec as ruleChangeTimeline } from '../../charts/rule-change-timeline.ts';
import { spec as competingEstimates } from '../../charts/competing-estimates.ts';
import { MIN_ESTIMATORS } from '../domain/estimators.ts';
import type { ChartSpec } from '../charts/spec.ts';
import { allRegularizations, allRuleChanges, allSeries, gradedEstimators, CITIZENSHIP_LABELS, countryNames, pageCountries, seriesOfCountry, UNIT_LABELS, type CountryInfo, type SeriesInfo } from './data.ts';
import { planCountry, type SectionPlan } from './country-plan.ts';
import { planSeriesChart, type SeriesChartPlan } from './series-plan.ts';
import { specView } from './spec-view.ts';
import { countryHref, seriesHref } from './paths.ts';
import { PROGRAMME_KINDS } from '../domain/rules.ts';
import { storyViews } from '../stories/load.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { txFor } from '../i18n/chart-text/index.ts';
import { countryIn, countryNamesIn, seriesInfoIn } from './in-locale.ts';

export interface ChartView {
  /** Embed id, unique site-wide: `<country>-<section>-<n>` or `series-<series id>`. */
  id: string;
  /** The chart spec with the page's title, subtitle and axis label (same id as the registered chart). */
  spec: ChartSpec;
  state: Record<string, unknown>;
  /** Element id of the figure on its page. */
  figureId: string;
  /** The page and figure the embed links back to. */
  href: string;
}

/** Kinds of regularization drawn as events (../domain/rules.ts). */
const EVENT_KINDS: readonly string[] = PROGRAMME_KINDS;

export interface CountryCharts {
  sections: SectionPlan[];
  /** Line charts by the plan's chart key, then the timelines under `regularizations` and `rule-changes`. */
  views: Map<string, ChartView>;
  /** The country's timelines, when it has events to draw. */
  timelines: { regularizations: ChartView | null; ruleChanges: ChartView | null };
  /** Its estimators side by side, when it has at least MIN_ESTIMATORS graded ones (../domain/estimators.ts). */
  estimates: ChartView | null;
}

const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, f: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) memo.set(key, f());
  return memo.get(key) as Promise<T>;
}

/**
 * What a country page draws in a language: its sections, and one view per chart keyed by the
 * plan's chart key (ids and states are the same in every language; only the words differ).
 */
export function countryCharts(countryEn: CountryInfo, locale: Locale = DEFAULT_LOCALE): Promise<CountryCharts> {
  return once(`country:${countryEn.code}:${locale}`, async () => {
    const country = countryIn(countryEn, locale);
    const tx = txFor(locale);
    const code = country.code;
    const [regs, rules, inCountry, estimators] = await Promise.all([allRegularizations(), allRuleChanges(), seriesOfCountry(code), gradedEstimators()]);
    // Years of the events marked under the first chart, so the axis covers them too.
    const eventYears = [
      ...regs.filter((r) => r.country_code === code && EVENT_KINDS.includes(r.kind)).map((r) => r.year),
      ...rules.filter((r) => r.country_code === code).map((r) => Number(r.date.slice(0, 4))),
    ].filter((y): y is number => typeof y === 'number' && Number.isFinite(y));
    const sections = await planCountry(
      code,
      country.name,
      inCountry.map((s) => s.id),
      { first: eventYears.length ? Math.min(...eventYears) : null, last: eventYears.length ? Math.max(...eventYears) : null },
      locale,
    );
    const views = new Map<string, ChartView>();
    for (const sec of sections) {
      for (const c of sec.charts) {
        const figureId = `chart-${c.key}`;
        views.set(c.key, {
          id: `${country.slug}-${c.key}`.replaceAll('_', '-').toLowerCase(),
          spec: specView(seriesLines, { title: c.title, subtitle: c.subtitle, yLabel: c.yLabel }, c.state),
          state: c.state,
          figureId,
          href: `${countryHref(code, locale)}#${figureId}`,
        });
      }
    }
    // The event timelines of the country's regularization and rule-change sections.
    const timeline = (key: string, spec: ChartSpec, text: { title: string; subtitle: string }): ChartView => {
      const figureId = `chart-${key}`;
      const state = { countries: [code] };
      return { id: `${country.slug}-${key}`.toLowerCase(), spec: specView(spec, text, state), state, figureId, href: `${countryHref(code, locale)}#${figureId}` };
    };
    const hasProgrammes = regs.some((r) => r.country_code === code && EVENT_KINDS.includes(r.kind) && (r.start_date || r.year !== null));
    const hasRules = rules.some((r) => r.country_code === code);
    const timelines = {
      regularizations: hasProgrammes
        ? timeline('regularizations', regularizationTimeline, {
            title: tx('Regularization programmes in {country}', { country: country.name }),
            subtitle: tx('Start of each programme; circle area is proportional to the people granted status, on the same scale as every other page.'),
          })
        : null,
      ruleChanges: hasRules
        ? timeline('rule-changes', ruleChangeTimeline, {
            title: tx('Rule changes in {country}', { country: country.name }),
            subtitle: tx('Each mark is a dated change; one lane and one shape per direction.'),
          })
        : null,
    };
    if (timelines.regularizations) views.set('regularizations', timelines.regularizations);
    if (timelines.ruleChanges) views.set('rule-changes', timelines.ruleChanges);
    // Competing estimates: every graded estimator of the country on one axis, grade beside each name.
    const graded = estimators.get(code) ?? [];
    let estimates: ChartView | null = null;
    if (!country.isAggregate && graded.length >= MIN_ESTIMATORS) {
      const figureId = 'chart-estimates';
      const state = { country: code };
      estimates = {
        id: `${country.slug}-estimates`.toLowerCase(),
        spec: specView(competingEstimates, {
          title: tx('Competing estimates for {country}', { country: country.name }),
          subtitle: tx('{n} estimators side by side, ranges as bands; after each name, its quality grade (A best, D weakest).', { n: graded.length }),
        }, state),
        state,
        figureId,
        href: `${countryHref(code, locale)}#${figureId}`,
      };
      views.set('estimates', estimates);
    }
    return { sections, views, timelines, estimates };
  });
}

/** The chart of a series page in a language, or null when the series has too few values over time. */
export function seriesChart(sEn: SeriesInfo, locale: Locale = DEFAULT_LOCALE): Promise<{ plan: SeriesChartPlan; view: ChartView } | null> {
  return once(`series:${sEn.id}:${locale}`, async () => {
    const s = seriesInfoIn(sEn, locale);
    const tx = txFor(locale);
    const [plan, names] = await Promise.all([planSeriesChart(sEn), countryNamesIn(locale)]);
    if (!plan) return null;
    const multi = s.countries.length > 1;
    const groupWords = plan.group ? (CITIZENSHIP_LABELS[plan.group] ? tx(CITIZENSHIP_LABELS[plan.group]) : plan.group) : null;
    const unitWord = s.unit === 'thousand_persons' ? tx('People') : (UNIT_LABELS[s.unit] ? tx(UNIT_LABELS[s.unit]) : s.unit).replace(/^./, (ch) => ch.toUpperCase());
    const state: Record<string, unknown> = {
      series: [s.id],
      labels: [],
      countries: plan.countries,
      citizenship: [plan.group],
      label_by: multi ? ['country'] : ['series'],
      from: Math.max(1980, plan.from),
      to: Math.min(YEAR_MAX, Math.max(plan.to, plan.from + 1)),
    };
    const subtitle =
      [
        multi
          ? plan.omitted > 0
            ? tx('{n} of {total} countries (core countries first, then the longest records; every country is in the table)', { n: plan.countries.length, total: s.countries.length })
            : tx('{n} of {total} countries', { n: plan.countries.length, total: s.countries.length })
          : (names.get(s.countries[0]) ?? s.countries[0]),
        groupWords ? (s.valueKinds.includes('rate') ? tx('{group}, aged 15-64 where Eurostat publishes that band', { group: groupWords }) : groupWords) : tx('Totals'),
        s.unit === 'thousand_persons' ? tx('published in thousands, drawn in people') : null,
        s.measure === 'flow' ? tx('flows over each period, not people at a date') : null,
      ]
        .filter(Boolean)
        .join(tx('; ')) + tx('.');
    const figureId = 'series-lines';
    return {
      plan,
      view: {
        id: `series-${s.id}`.replaceAll('_', '-').toLowerCase(),
        spec: specView(seriesLines, { title: multi ? tx('{title}, by country', { title: s.title }) : s.title, subtitle, yLabel: unitWord }, state),
        state,
        figureId,
        href: `${seriesHref(s.id, locale)}#${figureId}`,
      },
    };
  });
}

/** Every view of every country, series and story page in a language, for the embed routes. */
export function allViews(locale: Locale = DEFAULT_LOCALE): Promise<ChartView[]> {
  return once(`all-views:${locale}`, async () => {
    const out: ChartView[] = [];
    for (const c of await pageCountries()) out.push(...(await countryCharts(c, locale)).views.values());
    for (const s of await allSeries()) {
      const v = await seriesChart(s, locale);
      if (v) out.push(v.view);
    }
    // The charts of the stories (src/content/stories/), with their annotations (English for now).
    if (locale === DEFAULT_LOCALE) out.push(...(await storyViews()));
    return out;
  });
}
