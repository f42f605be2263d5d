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

/** What a country page draws: its sections, and one view per chart keyed by the plan's chart key. */
export function countryCharts(country: CountryInfo): Promise<CountryCharts> {
  return once(`country:${country.code}`, async () => {
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
          href: `${countryHref(code)}#${figureId}`,
        });
      }
    }
    // The event timelines of the country's regularization and rule-change sections.
    const timeline = (key: string, spec: ChartSpec, text: { title: string; subtitle: string }): ChartView => {
      const figureId = `chart-${key}`;
      const state = { countries: [code] };
      return { id: `${country.slug}-${key}`.toLowerCase(), spec: specView(spec, text, state), state, figureId, href: `${countryHref(code)}#${figureId}` };
    };
    const hasProgrammes = regs.some((r) => r.country_code === code && EVENT_KINDS.includes(r.kind) && (r.start_date || r.year !== null));
    const hasRules = rules.some((r) => r.country_code === code);
    const timelines = {
      regularizations: hasProgrammes
        ? timeline('regularizations', regularizationTimeline, {
            title: `Regularization programmes in ${country.name}`,
            subtitle: 'Start of each programme; circle area is proportional to the people granted status, on the same scale as every other page.',
          })
        : null,
      ruleChanges: hasRules
        ? timeline('rule-changes', ruleChangeTimeline, {
            title: `Rule changes in ${country.name}`,
            subtitle: 'Each diamond is a dated change, one lane per direction.',
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
          title: `Competing estimates for ${country.name}`,
          subtitle: `${graded.length} estimators side by side, ranges as bands; after each name, its quality grade (A best, D weakest).`,
        }, state),
        state,
        figureId,
        href: `${countryHref(code)}#${figureId}`,
      };
      views.set('estimates', estimates);
    }
    return { sections, views, timelines, estimates };
  });
}

/** The chart of a series page, or null when the series has too few values over time. */
export function seriesChart(s: SeriesInfo): Promise<{ plan: SeriesChartPlan; view: ChartView } | null> {
  return once(`series:${s.id}`, async () => {
    const [plan, names] = await Promise.all([planSeriesChart(s), countryNames()]);
    if (!plan) return null;
    const multi = s.countries.length > 1;
    const groupWords = plan.group ? (CITIZENSHIP_LABELS[plan.group] ?? plan.group) : null;
    const unitWord = s.unit === 'thousand_persons' ? 'People' : (UNIT_LABELS[s.unit] ?? s.unit).replace(/^./, (ch) => ch.toUpperCase());
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
          ? `${plan.countries.length} of ${s.countries.length} countries${plan.omitted > 0 ? ' (core countries first, then the longest records; every country is in the table)' : ''}`
          : (names.get(s.countries[0]) ?? s.countries[0]),
        groupWords ? `${groupWords}${s.valueKinds.includes('rate') ? ', aged 15-64 where Eurostat publishes that band' : ''}` : 'Totals',
        s.unit === 'thousand_persons' ? 'published in thousands, drawn in people' : null,
        s.measure === 'flow' ? 'flows over each period, not people at a date' : null,
      ]
        .filter(Boolean)
        .join('; ') + '.';
    const figureId = 'series-lines';
    return {
      plan,
      view: {
        id: `series-${s.id}`.replaceAll('_', '-').toLowerCase(),
        spec: specView(seriesLines, { title: multi ? `${s.title}, by country` : s.title, subtitle, yLabel: unitWord }, state),
        state,
        figureId,
        href: `${seriesHref(s.id)}#${figureId}`,
      },
    };
  });
}

/** Every view of every country, series and story page, for the embed routes. */
export function allViews(): Promise<ChartView[]> {
  return once('all-views', async () => {
    const out: ChartView[] = [];
    for (const c of await pageCountries()) out.push(...(await countryCharts(c)).views.values());
    for (const s of await allSeries()) {
      const v = await seriesChart(s);
      if (v) out.push(v.view);
    }
    // The charts of the stories (src/content/stories/), with their annotations.
    out.push(...(await storyViews()));
    return out;
  });
}
