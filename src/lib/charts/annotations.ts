/**
 * Event markers shared by the time charts (src/charts/*.ts): the queries for regularization
 * programmes and rule changes, and the layer definitions, control and URL field that toggle them.
 * The charts differ only in which countries they mark and which extra columns their tooltips and
 * colours need, so those are options; the filters, dates and ordering live here once.
 *
 * Browser-safe and dependency-free: specs that import this load lazily in the page.
 */
import type { ControlDef, EventLayer, TableColumn, UrlField } from './spec.ts';
import { PROGRAMME_KINDS_SQL } from '../domain/rules.ts';
import { countryNameSql } from '../domain/countries.ts';
import { DIRECTION_KEY_PREFIX, DIRECTION_LABELS, DIRECTION_ORDER } from '../domain/labels.ts';

/** Layer ids, as used in `state.layers` and in the URL (`layers=reg,rules`). */
export const EVENT_LAYERS = ['reg', 'rules'] as const;

/** SQL condition testing a country-code column; see `inList` and `inQuery`. */
export type CountryFilter = (column: string) => string;

/** Countries given as a bound list parameter, e.g. `inList('$countries')`. */
export const inList =
  (param: string): CountryFilter =>
  (column) =>
    `list_contains(${param}, ${column})`;

/** Countries given by a subquery returning one `country_code` column. */
export const inQuery =
  (sql: string): CountryFilter =>
  (column) =>
    `${column} IN (${sql})`;

/** A constant colour key, as a SQL string literal (keys are palette ids: no quotes to escape). */
const colorKeyColumn = (key: string) => `  '${key}' AS color_key,`;

/** Turns `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text in `col` into a full date for the x axis. */
const xDate = (col: string) =>
  `  CASE length(${col}) WHEN 4 THEN ${col} || '-01-01' WHEN 7 THEN ${col} || '-01' ELSE ${col} END AS x_date,`;

const SOURCE_COLUMNS = `  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url`;

const lines = (parts: (string | false | undefined)[]) => parts.filter((p): p is string => typeof p === 'string').join('\n');

export interface RegularizationsSqlOptions {
  countries: CountryFilter;
  /** `color_key` column: a constant palette id, or the country code (the country's own colour). */
  colorKey?: string | { byCountry: true };
  /** Extra columns, in this order among the fixed ones. */
  nameNative?: boolean;
  kind?: boolean;
  figuresNote?: boolean;
  /** `country_name` (English) and `x_end` (end of the application window, full date) columns, for the timeline chart. */
  timeline?: boolean;
}

/** Regularization programmes starting between `$from` and `$to`, for the `regularization` role (tooltip.ts). */
export function regularizationsSql(o: RegularizationsSqlOptions): string {
  return `
WITH r AS (
  SELECT
    *,
    -- no start date published: fall back to the programme year that every id carries
    -- (<iso3>-<year>-<slug>, see schema.ts), shown as a year in the tooltip
    coalesce(start_date, substr(regularization_id, 5, 4)) AS start_known
  FROM regularizations
  WHERE ${o.countries('country_code')}
    -- programmes only: yearly grants of a standing mechanism are a flow (drawn as a series where
    -- a page wants one), not an event, and voluntary-departure campaigns are not regularizations
    AND kind IN ${PROGRAMME_KINDS_SQL}
)
SELECT
${lines([
  '  r.regularization_id,',
  '  r.country_code,',
  o.timeline && `  ${countryNameSql('cn')} AS country_name,`,
  o.colorKey !== undefined && (typeof o.colorKey === 'string' ? colorKeyColumn(o.colorKey) : '  r.country_code AS color_key,'),
  '  r.name_en,',
  o.nameNative && '  r.name_native,',
  o.kind && '  r.kind,',
  '  r.start_known AS start_date,',
  '  r.end_date,',
  '  -- a date known only to the year or month is placed at the start of that year or month',
  xDate('r.start_known'),
  o.timeline && xDate('r.end_date').replace('AS x_date', 'AS x_end'),
  '  r.applications,',
  '  r.approvals,',
  o.figuresNote && '  r.figures_note,',
  SOURCE_COLUMNS,
])}
FROM r
LEFT JOIN sources src USING (source_id)${o.timeline ? '\nLEFT JOIN countries cn ON cn.country_code = r.country_code' : ''}
WHERE regexp_matches(r.start_known, '^[0-9]{4}')
  AND CAST(left(r.start_known, 4) AS INTEGER) BETWEEN $from AND $to
ORDER BY x_date, r.regularization_id
`;
}

export interface RuleChangesSqlOptions {
  countries: CountryFilter;
  /** `color_key` column: a constant palette id, or `dir_<direction>` (`dir_none` when not coded). */
  colorKey?: string | { byDirection: true };
  /** Extra columns, in this order among the fixed ones. */
  titleNative?: boolean;
  category?: boolean;
  /** `country_name` (English), for the timeline chart. */
  countryName?: boolean;
}

/** Rule changes dated between `$from` and `$to`, for the `rule_change` role (tooltip.ts). */
export function ruleChangesSql(o: RuleChangesSqlOptions): string {
  const color =
    o.colorKey === undefined
      ? undefined
      : typeof o.colorKey === 'string'
        ? colorKeyColumn(o.colorKey)
        : `  -- one lane per direction; changes the cited text does not let us code go in their own lane
  'dir_' || coalesce(r.direction, 'none') AS color_key,`;
  return `
SELECT
${lines([
  '  r.rule_change_id,',
  '  r.country_code,',
  o.countryName && `  ${countryNameSql('cn')} AS country_name,`,
  color,
  '  r.title_en,',
  o.titleNative && '  r.title_native,',
  '  r.date,',
  '  r.date_kind,',
  o.category && '  r.category,',
  '  r.direction,',
  xDate('r.date'),
  SOURCE_COLUMNS,
])}
FROM rule_changes r
LEFT JOIN sources src USING (source_id)${o.countryName ? '\nLEFT JOIN countries cn ON cn.country_code = r.country_code' : ''}
WHERE ${o.countries('r.country_code')}
  AND CAST(left(r.date, 4) AS INTEGER) BETWEEN $from AND $to
ORDER BY x_date, r.rule_change_id
`;
}

/** The two marker strips, reading the `regularizations` and `rule_changes` datasets; titles per chart. */
export function eventLayers(labels: { reg: string; rules: string }): EventLayer[] {
  return [
    { layer: 'reg', dataset: 'regularizations', mark: 'dots', x: 'x_date', size: 'approvals', label: labels.reg, shortLabel: 'Regularizations (area = granted)' },
    { layer: 'rules', dataset: 'rule_changes', mark: 'ticks', x: 'x_date', label: labels.rules, shortLabel: 'Rule changes' },
  ];
}

export const eventLayersUrl: UrlField = { key: 'layers', param: 'layers', type: 'list' };

export const eventLayersControl: ControlDef = {
  kind: 'checkboxes',
  key: 'layers',
  legend: 'Markers',
  options: [
    { value: 'reg', label: 'Regularizations' },
    { value: 'rules', label: 'Rule changes' },
  ],
};

/** The table under every chart of regularization programmes: one row per programme, with its source. */
export const PROGRAMME_TABLE: TableColumn[] = [
  { key: 'country_name', label: 'Country' },
  { key: 'name_en', label: 'Programme' },
  { key: 'start_date', label: 'Start', format: 'date' },
  { key: 'end_date', label: 'End', format: 'date' },
  { key: 'applications', label: 'Applications', format: 'number' },
  { key: 'approvals', label: 'Granted status', format: 'number' },
  { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
];

/**
 * The event strips of a chart of one or a few countries' lines (series-lines, breakdown-lines):
 * the programmes and rule changes of `$event_countries`, their layers, and the rule changes'
 * palette by direction (told apart by shape, drawn in the text colour: domain/labels.ts).
 */
export const countryEvents = {
  datasets: {
    regularizations: {
      role: 'regularization' as const,
      query: regularizationsSql({ countries: inList('$event_countries'), colorKey: { byCountry: true }, nameNative: true, kind: true, figuresNote: true }),
    },
    rule_changes: {
      role: 'rule_change' as const,
      query: ruleChangesSql({ countries: inList('$event_countries'), colorKey: { byDirection: true }, titleNative: true, category: true }),
    },
  },
  layers: eventLayers({
    reg: 'Regularization programmes (circle area = people granted status; hollow = not known)',
    rules: 'Changes to immigration rules, by direction',
  }),
  palette: Object.fromEntries(
    DIRECTION_ORDER.map((d) => [`${DIRECTION_KEY_PREFIX}${d}`, { color: 'currentColor', label: d === 'none' ? 'Not coded' : DIRECTION_LABELS[d] }]),
  ),
};
