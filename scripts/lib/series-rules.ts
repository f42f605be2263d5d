/**
 * Series-level rules added for issue 15, kept apart from validate.ts:
 *  - quality: an estimate series carries a quality grade, and the grade follows its criteria;
 *  - jumps: every year-on-year change above 3× in a preferred line is covered by a documented
 *    break (series `breaks`, for the country or for all), a Eurostat `b` flag, or an entry in the
 *    series' `jumps` list.
 * Both throw an InputError naming the series file and line.
 */
import type { Observation } from '../../src/lib/schema.ts';
import { qualityGrade } from '../../src/lib/quality.ts';
import type { Located } from './curated.ts';
import { InputError } from './errors.ts';
import { fuzzyDateRange } from './periods.ts';
import type { LocatedSeries } from './series-yaml.ts';

export const JUMP_RATIO = 3;

export interface Jump {
  series_id: string;
  country_code: string;
  breakdown: string;
  from: Observation;
  to: Observation;
  ratio: number;
}

const isEstimate = (k: Observation['value_kind']) => k === 'estimate_central' || k === 'estimate_low' || k === 'estimate_high';

export function checkQuality(series: LocatedSeries[], observations: Located<Observation>[]) {
  const estimated = new Set<string>();
  for (const o of observations) if (isEstimate(o.row.value_kind)) estimated.add(o.row.series_id);
  for (const s of series) {
    const q = s.row.quality;
    if (q) {
      const grade = qualityGrade(q);
      if (q.grade !== grade) throw new InputError(s.file, s.line, 'quality.grade', `grade ${q.grade} does not follow its criteria (they give ${grade}; see src/lib/quality.ts)`);
    } else if (estimated.has(s.row.series_id)) {
      throw new InputError(s.file, s.line, 'quality', `series ${s.row.series_id} holds estimates but has no quality grade`);
    }
  }
}

/** One year apart: 2019 → 2020, or the same day of consecutive years. */
function yearApart(a: Observation, b: Observation): boolean {
  const annual = /^\d{4}$/;
  if (annual.test(a.period) && annual.test(b.period)) return Number(b.period) - Number(a.period) === 1;
  if (a.period_start !== a.period_end || b.period_start !== b.period_end) return false;
  return a.period_end.slice(4) === b.period_end.slice(4) && Number(b.period_end.slice(0, 4)) - Number(a.period_end.slice(0, 4)) === 1;
}

/** Every year-on-year change above JUMP_RATIO in a preferred line (one line per breakdown, kind, type). */
export function findJumps(observations: Observation[]): Jump[] {
  const lines = new Map<string, Observation[]>();
  for (const o of observations) {
    if (!o.is_preferred || o.value <= 0) continue;
    const k = [o.series_id, o.country_code, o.sex, o.age, o.citizenship_code, o.status, o.value_kind, o.period_type].join('\u0001');
    const list = lines.get(k) ?? [];
    list.push(o);
    lines.set(k, list);
  }
  const out: Jump[] = [];
  for (const list of lines.values()) {
    list.sort((a, b) => (a.period_end < b.period_end ? -1 : a.period_end > b.period_end ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (!yearApart(a, b)) continue;
      const ratio = Math.max(a.value, b.value) / Math.min(a.value, b.value);
      if (ratio <= JUMP_RATIO) continue;
      const breakdown = [a.sex, a.age, a.citizenship_code, a.status].filter(Boolean).join('/') || 'total';
      out.push({ series_id: a.series_id, country_code: a.country_code, breakdown, from: a, to: b, ratio });
    }
  }
  return out;
}

/** A break dated after the earlier value and on or before the end of the later one covers the jump. */
export function jumpExplained(j: Jump, s: LocatedSeries['row']): boolean {
  if (j.to.flags?.includes('b') || j.from.flags?.includes('b')) return true;
  for (const b of s.breaks) {
    if (b.country_code && b.country_code !== j.country_code) continue;
    const r = fuzzyDateRange(b.date);
    if ('error' in r) continue;
    if (r.start > j.from.period_end && r.start <= j.to.period_end) return true;
  }
  return s.jumps.some((x) => x.country_code === j.country_code && x.period === j.to.period);
}

export function checkJumps(series: LocatedSeries[], observations: Located<Observation>[]) {
  const byId = new Map(series.map((s) => [s.row.series_id, s]));
  for (const j of findJumps(observations.map((o) => o.row))) {
    const s = byId.get(j.series_id);
    if (!s || jumpExplained(j, s.row)) continue;
    throw new InputError(
      s.file,
      s.line,
      'jumps',
      `${j.series_id} ${j.country_code} (${j.breakdown}) moves ${j.ratio.toFixed(1)}x from ${j.from.value} (${j.from.period}) to ${j.to.value} (${j.to.period}) with no break covering it: add a break (date, reason) or list it under jumps with what is known`,
    );
  }
}
