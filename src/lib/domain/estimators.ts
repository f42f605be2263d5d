/**
 * Estimators: the producers of competing estimates of one country's irregular population (DHS,
 * Pew, MPI, ISMU, Funcas…), and how a chart tells them apart. Estimators are not countries, so
 * they never take a country's colour: the competing-estimates chart (src/charts/competing-
 * estimates.ts) gives the estimators of one country the hues below, in the order the chart lists
 * them (best grade first).
 *
 * - Which series count: a series of people without legal residence, in people, that carries a
 *   quality grade (../quality.ts), drawn from its estimate rows (central value and range).
 * - Name: the part of the series title in brackets at its end, without a closing word "estimate"
 *   ("Unauthorised immigrants in the United States (DHS estimate)" → "DHS").
 * - A chart shows the grade beside the name ("DHS (grade B)").
 *
 * Browser-safe, dependency-free.
 */

/** Hues for estimators, each with at least 3:1 contrast on the light (#fff) and the dark (#141414) background. */
export const ESTIMATOR_COLORS = ['#4E79A7', '#E15759', '#59A14F', '#B07AA1', '#D37B12', '#2E8B87', '#9C755F', '#8A8A2E', '#C2185B', '#6A6FD6'] as const;

/** The colour of the `i`-th estimator of a chart (cycling past the end of the list). */
export const estimatorColor = (i: number): string => ESTIMATOR_COLORS[((i % ESTIMATOR_COLORS.length) + ESTIMATOR_COLORS.length) % ESTIMATOR_COLORS.length];

/** Quality grades in words (the rule that gives them is ../quality.ts). */
export const GRADE_LABELS: Readonly<Record<string, string>> = {
  A: 'A: method published, reference date stated, range given, official producer',
  B: 'B: three of the four criteria',
  C: 'C: two of the four criteria',
  D: 'D: one criterion or none',
};

/** Minimum number of graded estimators for a country page to show them side by side. */
export const MIN_ESTIMATORS = 2;

/** SQL condition on a `series` row (alias `s`): the series is an estimator of a population without legal residence. */
export function estimatorSeriesSql(alias = 's'): string {
  const a = alias ? `${alias}.` : '';
  return `(${a}category = 'irregular_residence' AND ${a}quality_json IS NOT NULL AND ${a}unit IN ('persons', 'thousand_persons'))`;
}

/** SQL expression: the quality grade letter of a `series` row's `quality_json`. */
export function gradeSql(alias = 's'): string {
  const a = alias ? `${alias}.` : '';
  return `regexp_extract(${a}quality_json, '"grade":"([A-D])"', 1)`;
}

/** SQL expression: the estimator's short name from a series title (see the rule above). */
export function estimatorNameSql(title = 's.title'): string {
  return `coalesce(nullif(trim(regexp_replace(regexp_extract(${title}, '\\(([^()]*)\\)\\s*$', 1), '\\s*\\bestimates?$', '')), ''), ${title})`;
}

/** The JS twin of `estimatorNameSql`. */
export function estimatorName(title: string): string {
  const m = /\(([^()]*)\)\s*$/.exec(title);
  const name = m ? m[1].replace(/\s*\bestimates?$/, '').trim() : '';
  return name || title;
}
