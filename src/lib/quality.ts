/**
 * Quality grade of an estimate series (issue 15): one home for the rule, shared by the ETL
 * (which checks the grade written in data/series/*.yml) and the site (methodology page).
 *
 * Four yes/no criteria, one point each:
 *  1. method published — the estimator describes how the number was produced (a report,
 *     a methods note), so the figure can be reproduced or criticised;
 *  2. reference date stated — the figure refers to a stated date or year, not "currently";
 *  3. range given — the producer publishes bounds, not only a point;
 *  4. official — an official statistical or administrative body produced it (else independent:
 *     research institute, think tank, NGO, press).
 * Grade: A = 4 points, B = 3, C = 2, D = 1 or 0. "Official" is a criterion of provenance, not of
 * accuracy: an independent, well-documented estimate can outrank an official round number.
 */
import type { Series } from './schema.ts';

export type Quality = NonNullable<Series['quality']>;
export type QualityCriteria = Omit<Quality, 'grade' | 'note'>;

export function qualityPoints(q: QualityCriteria): number {
  return Number(q.method_published) + Number(q.reference_date_stated) + Number(q.range_given) + Number(q.producer === 'official');
}

export function qualityGrade(q: QualityCriteria): Quality['grade'] {
  const p = qualityPoints(q);
  return p >= 4 ? 'A' : p === 3 ? 'B' : p === 2 ? 'C' : 'D';
}

/** One-line summary of the criteria, e.g. "method published; date stated; no range; independent". */
export function qualityCriteria(q: QualityCriteria): string {
  return [
    q.method_published ? 'method published' : 'method not published',
    q.reference_date_stated ? 'reference date stated' : 'reference date not stated',
    q.range_given ? 'range given' : 'no range',
    q.producer,
  ].join('; ');
}
