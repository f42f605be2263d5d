/**
 * The data contract, shared by the ETL (scripts/) and the site (src/).
 *
 * Two layers:
 *  - *Curated* rows: what a person types into data/curated/**.csv (strings, as in the file).
 *  - *Published* rows: what scripts/pipeline.ts writes to public/data/<table>.parquet|csv.
 *
 * Every published field carries its one-line description in the schema itself (`.describe()`,
 * or `.meta({ description, sql })` where the column is not text), and the codebook,
 * datapackage.json, DICTIONARY.md and the Parquet/CSV layout (src/lib/contract/tables.ts) are
 * derived from them, so there is no second list to keep in step. Keep descriptions plain.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------

/** Aggregates and non-ISO geographies we publish, flagged as such in `countries`. */
export const AGGREGATE_CODES = ['EU27_2020', 'EU28', 'EU27_2007', 'EA20', 'EFTA', 'EUR12', 'EUR32'] as const;

/** What a value is. Never mix kinds on one line of a chart. */
export const VALUE_KINDS = [
  'count', // a count published by an authority (registrations, records, notifications)
  'estimate_central', // a research or official estimate (central value)
  'estimate_low', // lower bound of a published range
  'estimate_high', // upper bound of a published range
  'rate', // a percentage rate (unemployment rate, employment rate)
  'quota', // a cap or target set by government (e.g. Korea's E-9 quota)
  'cumulative', // a running total over several periods (stated in `note`)
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** Units, as published. Values are never rescaled silently. */
export const UNITS = ['persons', 'thousand_persons', 'percent', 'cases', 'applications', 'permits', 'workplaces', 'organizations'] as const;

export const SERIES_CATEGORIES = [
  'irregular_residence', // stocks of people without legal status (counts or estimates)
  'enforcement', // apprehensions, refusals, removals, orders: flows of enforcement events
  'regularization_flow', // grants of status to irregular residents, year by year
  'labour', // foreign workers, trainees, unemployment and employment by citizenship
  'population', // foreign residents, population by citizenship
] as const;

export const REGULARIZATION_KINDS = [
  'one_off', // a time-limited programme open to a defined group
  'worker_legalization', // one-off, tied to an employer or a job
  'standing_mechanism', // a permanent route (arraigo, special permission to stay…), whole mechanism
  'standing_mechanism_year', // one year of a standing mechanism
  'voluntary_departure_amnesty', // penalty-free departure campaign: not a regularization, kept for comparison
] as const;

export const RULE_CATEGORIES = [
  'entry_and_stay',
  'labour_migration_channel',
  'enforcement',
  'regularization',
  'asylum',
  'integration_rights',
  'trainee_program',
] as const;

export const DIRECTIONS = ['restrictive', 'liberalizing', 'mixed'] as const;
export const DATE_KINDS = ['enacted', 'in_force', 'announced'] as const;
export const SOURCE_KINDS = ['primary', 'secondary', 'dataset'] as const;

/**
 * How a value relates to its window [period_start, period_end] (issue 15).
 * stock: a level at one date (a wider window means the date inside it is not known);
 * flow: events during the window; cumulative: events added up over a multi-period window;
 * average: a level or rate averaged over the window (labour-force survey years).
 */
export const PERIOD_TYPES = ['stock', 'flow', 'cumulative', 'average'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** Quality grade of an estimate series: A = all four criteria met … D = one or none. */
export const QUALITY_GRADES = ['A', 'B', 'C', 'D'] as const;

// ---------------------------------------------------------------------------
// Small reusable validators
// ---------------------------------------------------------------------------

/** ISO 3166-1 alpha-3 (upper case) or one of AGGREGATE_CODES. */
export const countryCode = z
  .string()
  .regex(/^([A-Z]{3}|EU27_2020|EU28|EU27_2007|EA20|EFTA|EUR12|EUR32)$/, 'country code must be ISO 3166-1 alpha-3 or a known aggregate');

/** Period as published: 2024 | 2024-Q3 | 2024-H1 | 2024-10 | 2024-10-31. */
export const PERIOD_RE = /^(\d{4})(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const period = z.string().regex(PERIOD_RE, 'period must be YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY-MM-DD');

/** A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
export const fuzzyDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');
export const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date must be YYYY-MM-DD');
export const slug = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'id must be lower-case letters, digits, - or _');
const text = z.string().trim().min(1);
const optText = z.string().trim().min(1).nullable();
const httpUrl = z.string().regex(/^https?:\/\/[^\s"<>]+$/, 'url must be http(s) with no spaces');

// ---------------------------------------------------------------------------
// Published tables
// ---------------------------------------------------------------------------

/** One cited document or dataset. */
export const Source = z.object({
  source_id: slug.describe('Stable id, `<publisher>-<document>` in kebab case.'),
  publisher: text.describe('Organisation that published the document (for reposts: the original authority, then the carrier).'),
  title: text.describe('Title as published (original language).'),
  url: httpUrl.describe('Where the document was read.'),
  published: fuzzyDate.nullable().describe('Publication date as precise as known.'),
  accessed: isoDate.meta({ description: "When the project's copy was read.", sql: 'DATE' }),
  license: text.describe('Licence or terms of reuse, as far as known.'),
  kind: z.enum(SOURCE_KINDS).describe('primary: the official publisher; secondary: press or research quoting it; dataset: a machine-readable dataset.'),
  language: z.string().regex(/^[a-z]{2}$/).describe('ISO 639-1 language of the document.'),
  note: optText.describe("Project's own remark on the source (reliability, repost, what to re-check)."),
});
export type Source = z.infer<typeof Source>;

/** One value. Keys first, then breakdowns, then the value. */
export const Observation = z.object({
  series_id: slug.describe('Series this value belongs to (see `series`).'),
  country_code: countryCode.describe('ISO 3166-1 alpha-3 code or aggregate code (see `countries`).'),
  period: period.describe('Reference period as published: a year, quarter, half, month or a reference date.'),
  period_start: isoDate.meta({ description: 'First day the value refers to (for a stock at a date: that date).', sql: 'DATE' }),
  period_end: isoDate.meta({ description: 'Last day the value refers to (for a stock at a date: that date).', sql: 'DATE' }),
  period_type: z.enum(PERIOD_TYPES).describe('stock at a date, flow over the window, cumulative total over the window, or average over it.'),
  sex: z.enum(['female', 'male']).nullable().describe('Sex breakdown: female, male; null for both sexes.'),
  age: z.string().regex(/^[A-Z0-9_-]+$/).nullable().describe('Age band as published (Eurostat style, e.g. Y15-74); null when all ages.'),
  citizenship_code: z.string().regex(/^[A-Z0-9_]+$/).nullable().describe('Citizenship breakdown: ISO3 code or group (FOR, NAT, EU27_2020_FOR, NEU27_2020_FOR, STLS); null for all.'),
  status: z.string().regex(/^[a-z0-9_]+$/).nullable().describe('Other breakdown (last status of residence, reason, permit type…) as a snake_case code; null for total.'),
  value: z.number().finite().meta({ description: 'The number.', sql: 'DOUBLE' }),
  unit: z.enum(UNITS).describe('Unit of `value`.'),
  value_kind: z.enum(VALUE_KINDS).describe('What the value is: a count, an estimate (central/low/high), a rate, a quota or a cumulative total.'),
  flags: z.string().regex(/^[bcdepruzn]+$/).nullable().describe('Eurostat-style flags: b break, e estimated, p provisional, u low reliability, c confidential, r revised, d definition differs.'),
  is_preferred: z.boolean().meta({ description: 'True for the one value the charts use where several sources give one; false for alternatives.', sql: 'BOOLEAN' }),
  source_id: slug.describe('Source of this value (see `sources`).'),
  note: optText.describe("Project's own note on this value (rounding, revision, what differs)."),
});
export type Observation = z.infer<typeof Observation>;

/** Comparability note for one country of a series. */
export const CountryNote = z.object({ country_code: countryCode, note: text });

/** One series: what it counts and what it leaves out. */
export const Series = z.object({
  series_id: slug.describe('Stable id, snake_case (`jpn_overstayers`, `eurostat_migr_eipre`).'),
  title: text.describe('Short title for charts.'),
  category: z.enum(SERIES_CATEGORIES).describe('Category, for navigation.'),
  unit: z.enum(UNITS).describe('Unit of the values.'),
  definition: text.describe('Plain-language definition.'),
  counts: text.describe('Who is counted.'),
  excludes: text.describe('Who is not counted (the caveat that matters when comparing).'),
  measure: z.enum(['stock', 'flow', 'rate']).describe('Stock at a reference date, flow over a period, or a rate.'),
  breaks: z.array(z.object({ date: fuzzyDate, note: text, country_code: countryCode.nullable().default(null) })).describe('Breaks in the series: dates and what changed (country_code null: every country).'),
  comparability: z.array(CountryNote).describe('Comparability notes by country.'),
  preference_note: optText.describe('Which source the charts prefer where sources disagree, and why.'),
  jumps: z.array(z.object({ country_code: countryCode, period: text, note: text })).default([]).describe('Year-on-year jumps above 3x that are real or unexplained by a break, listed with what is known.'),
  quality: z
    .object({
      method_published: z.boolean(),
      reference_date_stated: z.boolean(),
      range_given: z.boolean(),
      producer: z.enum(['official', 'independent']),
      grade: z.enum(QUALITY_GRADES),
      note: optText.default(null),
    })
    .nullable()
    .default(null)
    .describe('Quality grade of an estimate series (null for counts): four criteria and the grade they give.'),
});
export type Series = z.infer<typeof Series>;

/** One regularization programme, or one year of a standing mechanism. */
export const Regularization = z.object({
  regularization_id: slug.describe('Stable id `<iso3-lower>-<year>-<slug>`.'),
  country_code: countryCode.describe('Country that ran the programme (see `countries`).'),
  name_native: optText.describe("Name in the country's language, where known."),
  name_en: text.describe("English name (project's wording)."),
  kind: z.enum(REGULARIZATION_KINDS).describe('One-off programme, worker legalization, standing mechanism (whole or one year), or a voluntary-departure amnesty kept for comparison.'),
  start_date: fuzzyDate.nullable().describe('Start (application window opens) as precise as known.'),
  end_date: fuzzyDate.nullable().describe('End (window closes) as precise as known.'),
  legal_basis: optText.describe('Law, decree or instrument.'),
  target_group: optText.describe("Who could apply (project's wording)."),
  applications: z.number().int().nonnegative().nullable().meta({ description: 'Applications received (unit per `figures_note`).', sql: 'BIGINT' }),
  approvals: z.number().int().nonnegative().nullable().meta({ description: 'Approvals / grants.', sql: 'BIGINT' }),
  rejections: z.number().int().nonnegative().nullable().meta({ description: 'Rejections.', sql: 'BIGINT' }),
  conditions: optText.describe("Conditions of eligibility (project's wording)."),
  figures_note: optText.describe('What the figures count (persons vs files, interim vs final) and disagreements between sources.'),
  source_id: slug.describe('Source of the figures and dates.'),
  other_source_ids: z.string().regex(/^[a-z0-9_-]+(;[a-z0-9_-]+)*$/).nullable().describe('Further sources, `;`-separated.'),
});
export type Regularization = z.infer<typeof Regularization>;

/** One dated legal or policy change (DEMIG POLICY compatible columns). */
export const RuleChange = z.object({
  rule_change_id: slug.describe('Stable id `<iso3-lower>-<year>-<slug>`.'),
  country_code: countryCode.describe('Country whose rules changed (see `countries`).'),
  date: fuzzyDate.describe('Date as precise as known.'),
  date_kind: z.enum(DATE_KINDS).describe('What the date is: enacted, entry into force, or announced.'),
  title_native: optText.describe('Title of the law or measure in the original language, where known.'),
  title_en: text.describe("English title (project's wording where no official translation exists)."),
  category: z.enum(RULE_CATEGORIES).describe('Area of migration policy the change belongs to.'),
  policy_area: optText.describe('DEMIG policy area (legal_entry_and_stay, integration, border_and_land_control, exit), where coded.'),
  policy_tool: optText.describe('DEMIG policy tool, where coded.'),
  target_group: optText.describe('Group targeted, where coded.'),
  direction: z.enum(DIRECTIONS).nullable().describe('Overall direction where the cited text supports it; null otherwise.'),
  summary: text.describe("Project's own one- or two-sentence summary."),
  source_id: slug.describe('Main source of the date and content (see `sources`).'),
  other_source_ids: z.string().regex(/^[a-z0-9_-]+(;[a-z0-9_-]+)*$/).nullable().describe('Further sources, `;`-separated.'),
});
export type RuleChange = z.infer<typeof RuleChange>;

/** One country or aggregate. */
export const Country = z.object({
  country_code: countryCode.describe('ISO 3166-1 alpha-3 code, or an aggregate code such as EU27_2020.'),
  name_en: text.describe('Name in English.'),
  name_ja: optText.describe('Name in Japanese, where given.'),
  name_ko: optText.describe('Name in Korean, where given.'),
  name_es: optText.describe('Name in Spanish, where given.'),
  name_it: optText.describe('Name in Italian, where given.'),
  is_aggregate: z.boolean().meta({ description: 'True for EU27_2020 and other aggregates.', sql: 'BOOLEAN' }),
  eurostat_geo: z.string().regex(/^[A-Z0-9_]+$/).nullable().describe('Eurostat geo code (ES, IT, EL…), where Eurostat publishes it.'),
});
export type Country = z.infer<typeof Country>;

export const TABLES = {
  observations: Observation,
  series: Series,
  regularizations: Regularization,
  rule_changes: RuleChange,
  sources: Source,
  countries: Country,
} as const;
export type TableName = keyof typeof TABLES;

/** Sort keys of each published table (Parquet row order, for range reads). */
export const SORT_KEYS: Record<TableName, string[]> = {
  observations: ['series_id', 'country_code', 'period_start', 'period_end', 'sex', 'age', 'citizenship_code', 'status', 'value_kind', 'source_id'],
  series: ['series_id'],
  regularizations: ['country_code', 'start_date', 'regularization_id'],
  rule_changes: ['country_code', 'date', 'rule_change_id'],
  sources: ['source_id'],
  countries: ['country_code'],
};

/** Columns that identify one value; with `is_preferred`, exactly one row per key is preferred. */
export const OBSERVATION_KEY = ['series_id', 'country_code', 'period', 'sex', 'age', 'citizenship_code', 'status', 'value_kind'] as const;
