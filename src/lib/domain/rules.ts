/**
 * Domain rules, each written once. Charts, page plans and key figures import these instead of
 * restating them; tests/site/conventions.test.ts fails if the SQL of a rule appears anywhere else.
 *
 * - Preferred total: the value the charts draw for a series, country and period. Where sources
 *   disagree the pipeline marks one row `is_preferred`; a total has no sex or status breakdown and
 *   either no age band or the working-age band a labour source publishes its totals for.
 * - Mid-period date: where a value sits on a time axis. A stock at a date sits at that date; a
 *   calendar-year flow sits in the middle of its year.
 * - People are drawn in people: `thousand_persons` is multiplied out, never mixed with persons.
 *
 * Browser-safe, dependency-free (the chart specs that import it load lazily in the page).
 */

/** Age bands that count as "all ages" for a total ('' is no age breakdown). */
export const TOTAL_AGE_BANDS = ['', 'Y15-64', 'Y15-74'] as const;

/**
 * Regularization kinds drawn as dated programmes (timelines, markers under the time charts).
 * Standing mechanisms run all the time (their yearly grants are a flow); voluntary-departure
 * campaigns are not regularizations.
 */
export const PROGRAMME_KINDS = ['one_off', 'worker_legalization'] as const;

/** Value kinds a line can draw (running totals and shares of other rows go to tables). */
export const DRAWN_VALUE_KINDS = ['count', 'estimate_central', 'estimate_low', 'estimate_high', 'rate', 'quota'] as const;

const sqlList = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

/** SQL list literal of DRAWN_VALUE_KINDS: `('count', …)`. */
export const DRAWN_KINDS_SQL = sqlList(DRAWN_VALUE_KINDS);

/** SQL list literal of PROGRAMME_KINDS. */
export const PROGRAMME_KINDS_SQL = sqlList(PROGRAMME_KINDS);

/** SQL list literal of TOTAL_AGE_BANDS. */
export const TOTAL_AGES_SQL = sqlList(TOTAL_AGE_BANDS);

/**
 * SQL condition: the row of `alias` (an observations row) is the preferred value of a total.
 * Citizenship is left to the caller: some charts draw nationals and foreigners side by side.
 */
export function preferredTotalSql(alias = 'o'): string {
  const a = alias ? `${alias}.` : '';
  return `${a}is_preferred AND ${a}sex IS NULL AND ${a}status IS NULL AND coalesce(${a}age, '') IN ${TOTAL_AGES_SQL}`;
}

/**
 * SQL condition: the row of `alias` is the preferred value of one breakdown: `status` and
 * `citizenship` are SQL expressions giving the status and citizenship code ('' for none), and the
 * row has no sex breakdown and a total age band, like a preferred total. With both '' it is the
 * preferred total itself.
 */
export function preferredBreakdownSql(alias: string, status: string, citizenship: string): string {
  const a = alias ? `${alias}.` : '';
  return `${a}is_preferred AND ${a}sex IS NULL AND coalesce(${a}age, '') IN ${TOTAL_AGES_SQL} AND coalesce(${a}status, '') = ${status} AND coalesce(${a}citizenship_code, '') = ${citizenship}`;
}

/**
 * SQL expression: the mid-period date of a period as `YYYY-MM-DD` text. Inside an aggregate query
 * pass aggregated columns (`any_value(period_start)`).
 */
export function midPeriodDateSql(start = 'period_start', end = 'period_end'): string {
  return `strftime(${start} + CAST(date_diff('day', ${start}, ${end}) // 2 AS INTEGER), '%Y-%m-%d')`;
}

/**
 * Windows: a value drawn as a window (a bracket from its first to its last day), never as a point
 * on a line. A cumulative total over a window is one, and so is a flow counted over more than a
 * year (a yearly or shorter flow is a point in the middle of its period, like the others).
 *
 * Written with value_kind and the series' measure, which give period_type by the pipeline's rule
 * (scripts/lib/period-type.ts: cumulative follows value_kind, a flow follows the measure), so the
 * same SQL also reads releases frozen before period_type was published (their pinned embeds keep
 * drawing). tests/charts/series-lines.test.ts checks it agrees with period_type.
 */
export const WINDOW_MIN_DAYS = 370;

/** SQL condition: the observation of `alias` (with its series row `seriesAlias`) is drawn as a window. */
export function windowSql(alias = 'o', seriesAlias = 's'): string {
  const a = alias ? `${alias}.` : '';
  return `(${a}value_kind = 'cumulative' OR (${seriesAlias}.measure = 'flow' AND date_diff('day', ${a}period_start, ${a}period_end) > ${WINDOW_MIN_DAYS}))`;
}

/** SQL expression: the value of `alias` in people where its unit is thousands of people. */
export function personsSql(alias = 'o'): string {
  const a = alias ? `${alias}.` : '';
  return `${a}value * CASE WHEN ${a}unit = 'thousand_persons' THEN 1000 ELSE 1 END`;
}

/** The same rule as `preferredTotalSql`, for rows already read (page code, tests). */
export function isPreferredTotal(r: { is_preferred: unknown; sex?: unknown; status?: unknown; age?: unknown }): boolean {
  return r.is_preferred === true && !r.sex && !r.status && (TOTAL_AGE_BANDS as readonly string[]).includes(String(r.age ?? ''));
}

/** Mid-period date of ISO dates `start`..`end` (UTC), as `YYYY-MM-DD`; the JS twin of `midPeriodDateSql`. */
export function midPeriodDate(start: string, end: string): string {
  const a = Date.parse(`${start.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${end.slice(0, 10)}T00:00:00Z`);
  const days = Math.floor((b - a) / 864e5 / 2);
  return new Date(a + days * 864e5).toISOString().slice(0, 10);
}

/**
 * One circle scale for regularizations, on every chart and timeline: circle area is proportional
 * to the people granted status, and a programme of `people` is drawn with radius `radius` (wide
 * layouts) or `narrowRadius` (phones). Fixed rather than fitted to the programmes in view, so a
 * programme has the same size on its country page as on the regularizations page.
 */
export const REGULARIZATION_CIRCLE = { people: 1_000_000, radius: 16, narrowRadius: 12 } as const;

/** Round sizes shown in the key of the circle scale. */
export const REGULARIZATION_KEY_SIZES = [100_000, 500_000, 1_000_000] as const;

/** Radius in pixels of a circle for `people` on the shared scale. */
export function regularizationRadius(people: number, narrow = false): number {
  const r = narrow ? REGULARIZATION_CIRCLE.narrowRadius : REGULARIZATION_CIRCLE.radius;
  return r * Math.sqrt(Math.max(0, people) / REGULARIZATION_CIRCLE.people);
}
