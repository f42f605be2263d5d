/**
 * Cross-row and cross-table rules. Each rule throws an InputError at the first offending row,
 * naming the other row involved (file:line) where there is one.
 */
import countryTable from 'i18n-iso-countries';
import { AGGREGATE_CODES, OBSERVATION_KEY, type Observation, type Series } from '../../src/lib/schema.ts';
import type { CuratedData, CuratedObservation, Located } from './curated.ts';
import { InputError } from './errors.ts';
import { HORIZON_YEARS, dateHorizon } from './input-rules.ts';
import { resolvePeriod } from './period-type.ts';
import { addYears, fuzzyDateRange, periodRange, type PeriodRange } from './periods.ts';

const at = (l: { file: string; line: number }) => `${l.file}:${l.line}`;

/** Earliest period we publish: post-war statistics only. */
export const MIN_PERIOD_START = '1945-01-01';
/** Largest plausible value by unit; anything above is a typo (an extra digit, a pasted total). */
export const MAX_VALUE: Record<string, number> = {
  persons: 2e9,
  thousand_persons: 2e6,
  cases: 2e9,
  applications: 2e9,
  permits: 2e9,
  workplaces: 1e8,
  organizations: 1e7,
  percent: 100,
};

function uniqueIds<T>(rows: Located<T>[], id: (r: T) => string, column: string, what: string) {
  const seen = new Map<string, Located<T>>();
  for (const r of rows) {
    const key = id(r.row);
    const first = seen.get(key);
    if (first) throw new InputError(r.file, r.line, column, `duplicate ${what} "${key}" (first defined at ${at(first)})`);
    seen.set(key, r);
  }
  return seen;
}

const horizonText = (horizon: string) => `${horizon}, the horizon (${HORIZON_YEARS} year${HORIZON_YEARS > 1 ? 's' : ''} after the release date)`;

/** A fuzzy date that exists on the calendar and starts on or before the horizon. */
function checkFuzzyDate(value: string | null, l: { file: string; line: number }, column: string, horizon: string): PeriodRange | null {
  if (value === null) return null;
  const range = fuzzyDateRange(value);
  if ('error' in range) throw new InputError(l.file, l.line, column, range.error);
  if (range.start > horizon) throw new InputError(l.file, l.line, column, `date ${value} is after ${horizonText(horizon)}`);
  return range;
}

/**
 * countries.csv: every code that is not an aggregate is an assigned ISO 3166-1 alpha-3 code
 * (the i18n-iso-countries table), every aggregate is one of AGGREGATE_CODES and says so, and
 * no two rows share an English name.
 */
function checkCountries(rows: CuratedData['countries']) {
  const aggregates = new Set<string>(AGGREGATE_CODES);
  const names = new Map<string, Located<unknown>>();
  for (const c of rows) {
    const { country_code: code, is_aggregate } = c.row;
    if (aggregates.has(code)) {
      if (!is_aggregate) throw new InputError(c.file, c.line, 'is_aggregate', `${code} is an aggregate; is_aggregate must be true`);
    } else if (!countryTable.isValid(code) || !/^[A-Z]{3}$/.test(code)) {
      throw new InputError(c.file, c.line, 'country_code', `"${code}" is not an ISO 3166-1 alpha-3 country code (nor one of the aggregates ${AGGREGATE_CODES.join(', ')})`);
    } else if (is_aggregate) {
      throw new InputError(c.file, c.line, 'is_aggregate', `${code} is an ISO country, not an aggregate; is_aggregate must be false`);
    }
    const name = c.row.name_en.trim().toLowerCase();
    const first = names.get(name);
    if (first) throw new InputError(c.file, c.line, 'name_en', `duplicate country name "${c.row.name_en}" (first used at ${at(first)})`);
    names.set(name, c);
  }
}

export interface ValidateOptions {
  /** ISO date used as "today" for the future-period rule. */
  today: string;
}

export interface ValidatedData {
  observations: Located<Observation>[];
}

const keyOf = (o: CuratedObservation) => OBSERVATION_KEY.map((k) => o[k] ?? '\u0000').join('\u0001');
const BREAKDOWNS = ['sex', 'age', 'citizenship_code', 'status'] as const;

export function validateAll(data: CuratedData, observations: Located<CuratedObservation>[], opts: ValidateOptions): ValidatedData {
  // --- identities -----------------------------------------------------------------------
  const countries = uniqueIds(data.countries, (c) => c.country_code, 'country_code', 'country code');
  checkCountries(data.countries);
  const horizon = dateHorizon(opts.today);
  const sources = uniqueIds(data.sources, (s) => s.source_id, 'source_id', 'source id');
  // One row per cited document: two ids for one URL would split its citations in two.
  uniqueIds(data.sources, (s) => s.url, 'url', 'source URL');
  const seriesById = uniqueIds(data.series, (s) => s.series_id, 'series_id', 'series id');
  uniqueIds(data.regularizations, (r) => r.regularization_id, 'regularization_id', 'regularization id');
  uniqueIds(data.rule_changes, (r) => r.rule_change_id, 'rule_change_id', 'rule change id');

  const needCountry = (code: string, l: { file: string; line: number }, column = 'country_code') => {
    if (!countries.has(code)) throw new InputError(l.file, l.line, column, `unknown country code "${code}" (add it to countries.csv first)`);
  };
  const needSource = (id: string, l: { file: string; line: number }, column = 'source_id') => {
    if (!sources.has(id)) throw new InputError(l.file, l.line, column, `unknown source "${id}" (no row with this source_id in sources/*.csv)`);
  };

  // --- sources, series, regularizations, rule changes ------------------------------------
  for (const s of data.sources) {
    checkFuzzyDate(s.row.published, s, 'published', horizon);
    checkFuzzyDate(s.row.accessed, s, 'accessed', horizon);
  }
  for (const s of data.series) {
    for (const c of s.row.comparability) needCountry(c.country_code, s, 'comparability.country_code');
    for (const b of s.row.breaks) checkFuzzyDate(b.date, s, 'breaks.date', horizon);
  }
  for (const r of data.regularizations) {
    needCountry(r.row.country_code, r);
    needSource(r.row.source_id, r);
    for (const id of r.row.other_source_ids?.split(';') ?? []) needSource(id, r, 'other_source_ids');
    const start = checkFuzzyDate(r.row.start_date, r, 'start_date', horizon);
    const end = checkFuzzyDate(r.row.end_date, r, 'end_date', horizon);
    // Fuzzy dates compare by their widest reading: "2005" may end after "2005-05-07" starts.
    if (start && end && start.start > end.end) {
      throw new InputError(r.file, r.line, 'end_date', `end_date ${r.row.end_date} is before start_date ${r.row.start_date}`);
    }
    const { applications, approvals, rejections } = r.row;
    if (applications !== null && approvals !== null && approvals > applications && !r.row.figures_note) {
      throw new InputError(
        r.file,
        r.line,
        'approvals',
        `approvals (${approvals}) exceed applications (${applications}); if the figures count different things, explain it in figures_note`,
      );
    }
    if (applications !== null && rejections !== null && rejections > applications && !r.row.figures_note) {
      throw new InputError(r.file, r.line, 'rejections', `rejections (${rejections}) exceed applications (${applications}); explain in figures_note`);
    }
  }
  for (const r of data.rule_changes) {
    needCountry(r.row.country_code, r);
    needSource(r.row.source_id, r);
    for (const id of r.row.other_source_ids?.split(';') ?? []) needSource(id, r, 'other_source_ids');
    checkFuzzyDate(r.row.date, r, 'date', horizon);
  }

  // --- observations: references, periods, values ------------------------------------------
  const out: Located<Observation>[] = [];
  for (const o of observations) {
    const r = o.row;
    const series = seriesById.get(r.series_id)?.row as Series | undefined;
    if (!series) throw new InputError(o.file, o.line, 'series_id', `unknown series "${r.series_id}" (not defined in data/series/*.yml)`);
    needCountry(r.country_code, o);
    needSource(r.source_id, o);
    const range = periodRange(r.period);
    if ('error' in range) throw new InputError(o.file, o.line, 'period', range.error);
    if (range.start < MIN_PERIOD_START) throw new InputError(o.file, o.line, 'period', `period ${r.period} is before 1945`);
    if (range.end > horizon) throw new InputError(o.file, o.line, 'period', `period ${r.period} ends after ${horizonText(horizon)}`);
    if (r.unit !== series.unit) {
      throw new InputError(o.file, o.line, 'unit', `unit "${r.unit}" differs from the unit of series ${r.series_id} ("${series.unit}")`);
    }
    if (r.value_kind === 'rate' && r.unit !== 'percent') {
      throw new InputError(o.file, o.line, 'unit', `a rate must be in percent, not "${r.unit}"`);
    }
    if (r.value < 0) throw new InputError(o.file, o.line, 'value', `negative value ${r.value}: ${r.unit} cannot be below zero`);
    const max = MAX_VALUE[r.unit];
    if (r.value > max) {
      throw new InputError(
        o.file,
        o.line,
        'value',
        r.unit === 'percent' ? `rate ${r.value} is above 100 percent` : `implausible value ${r.value} ${r.unit} (above ${max}): check for an extra digit or a wrong unit`,
      );
    }
    // Rows are fresh objects from zod: extend in place rather than copy (100× benchmark inputs are millions of rows).
    // Window and period type: scripts/lib/period-type.ts (issue 15).
    const row = Object.assign(r, resolvePeriod(r, range, series, o)) as Observation;
    out.push({ row, file: o.file, line: o.line });
  }

  // --- one preferred row per key, no duplicated rows -----------------------------------------
  // Most keys have a single row: keep that row itself and only build a list on a collision.
  const byKey = new Map<string, Located<Observation> | Located<Observation>[]>();
  for (const o of out) {
    const k = keyOf(o.row);
    const prev = byKey.get(k);
    if (prev === undefined) byKey.set(k, o);
    else if (Array.isArray(prev)) prev.push(o);
    else byKey.set(k, [prev, o]);
  }
  for (const entry of byKey.values()) {
    if (!Array.isArray(entry)) {
      if (!entry.row.is_preferred) throw noPreferred(entry);
      continue;
    }
    const list = entry;
    const seen = new Map<string, Located<Observation>>();
    for (const o of list) {
      const dupKey = `${o.row.source_id}\u0001${o.row.value}`;
      const first = seen.get(dupKey);
      if (first) {
        throw new InputError(o.file, o.line, null, `duplicate row: same key, source and value as ${at(first)}`);
      }
      seen.set(dupKey, o);
    }
    const preferred = list.filter((o) => o.row.is_preferred);
    if (preferred.length > 1) {
      throw new InputError(
        preferred[1].file,
        preferred[1].line,
        'is_preferred',
        `two preferred rows for one key (${describeKey(preferred[1].row)}): this one and ${at(preferred[0])}; mark the alternative false`,
      );
    }
    if (preferred.length === 0) throw noPreferred(list[0]);
  }

  const preferred = out.filter((o) => o.row.is_preferred);
  checkEstimateRanges(preferred);
  checkBreakdownsWithinTotals(preferred);
  return { observations: out };
}

function noPreferred(o: Located<Observation>): InputError {
  return new InputError(
    o.file,
    o.line,
    'is_preferred',
    `no preferred row for key (${describeKey(o.row)}); exactly one row per key must have is_preferred=true`,
  );
}

function describeKey(o: CuratedObservation): string {
  return OBSERVATION_KEY.filter((k) => o[k] !== null)
    .map((k) => `${k}=${o[k]}`)
    .join(', ');
}

/** Within one series/country/period/breakdown: estimate_low ≤ estimate_central ≤ estimate_high. */
function checkEstimateRanges(rows: Located<Observation>[]) {
  const groups = new Map<string, Partial<Record<string, Located<Observation>>>>();
  for (const o of rows) {
    if (!o.row.value_kind.startsWith('estimate_')) continue;
    const k = ['series_id', 'country_code', 'period', ...BREAKDOWNS].map((c) => o.row[c as keyof Observation] ?? '\u0000').join('\u0001');
    const g = groups.get(k) ?? {};
    g[o.row.value_kind] = o;
    groups.set(k, g);
  }
  for (const g of groups.values()) {
    const { estimate_low: low, estimate_central: mid, estimate_high: high } = g;
    if (low && high && low.row.value > high.row.value) {
      throw new InputError(high.file, high.line, 'value', `estimate_high ${high.row.value} is below estimate_low ${low.row.value} (${at(low)})`);
    }
    if (mid && low && mid.row.value < low.row.value) {
      throw new InputError(mid.file, mid.line, 'value', `estimate_central ${mid.row.value} is below estimate_low ${low.row.value} (${at(low)})`);
    }
    if (mid && high && mid.row.value > high.row.value) {
      throw new InputError(mid.file, mid.line, 'value', `estimate_central ${mid.row.value} is above estimate_high ${high.row.value} (${at(high)})`);
    }
  }
}

/**
 * A breakdown row (male, VNM, technical_intern_training) is part of its total: it cannot be
 * larger. The total of a row is the same row with one of its breakdowns set back to null.
 * Rates are skipped: a group's rate can be above the overall rate.
 */
function checkBreakdownsWithinTotals(rows: Located<Observation>[]) {
  const index = new Map<string, Located<Observation>>();
  const keyWith = (o: Observation, nulled: string | null) =>
    ['series_id', 'country_code', 'period', 'value_kind', ...BREAKDOWNS]
      .map((c) => (c === nulled ? '\u0000' : (o[c as keyof Observation] ?? '\u0000')))
      .join('\u0001');
  for (const o of rows) index.set(keyWith(o.row, null), o);
  for (const o of rows) {
    if (o.row.unit === 'percent' || o.row.value_kind === 'rate') continue;
    for (const b of BREAKDOWNS) {
      if (o.row[b] === null) continue;
      const total = index.get(keyWith(o.row, b));
      if (total && o.row.value > total.row.value) {
        throw new InputError(
          o.file,
          o.line,
          'value',
          `breakdown ${b}=${o.row[b]} (${o.row.value}) is above its total ${total.row.value} at ${at(total)}`,
        );
      }
    }
  }
}
