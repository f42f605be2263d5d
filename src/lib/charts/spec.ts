/**
 * What a chart spec is (src/charts/<id>.ts). A spec is plain data plus a zod schema: it names the
 * SQL it needs, the state a reader can change (and how that state is written in the URL), the
 * controls shown for it, and how columns map to marks. It holds no drawing code and no engine:
 * the same spec is run by @duckdb/node-api at build time and by DuckDB-WASM in the browser, and
 * drawn by the same `plotOptions` function (./plot-options.ts) in both places.
 *
 * Spec modules must stay browser-safe: import zod and types only, never node: modules.
 */
import type { z } from 'zod';
import type { TableName } from '../schema.ts';
import type { Annotation } from './annotate.ts';

/** One result row. Queries return only strings, numbers, booleans and nulls (dates as `YYYY-MM-DD` text). */
export type Row = Record<string, string | number | boolean | null>;

/** Query results by dataset name (`data` is the main dataset, the one shown in the data table). */
export type ChartRows = Record<string, Row[]>;

/**
 * What the rows of a dataset mean, for tooltips, labels and the text alternative. Each role fixes
 * the column names a query must return (documented in ./tooltip.ts).
 */
export type DatasetRole = 'series' | 'regularization' | 'rule_change' | 'meta';

export interface DatasetDef {
  role: DatasetRole;
  /** SQL text. `$name` is replaced by the literal of `state.name` or `constants.name` (see ./sql.ts). */
  query: string;
}

/** How one field of the state is written in the query string. */
export interface UrlField {
  /** Field of the state. */
  key: string;
  /** Name in the query string (short, stable: links are shared). */
  param: string;
  /** list: comma-separated values; value: a single enum value or integer. */
  type: 'list' | 'value';
}

export interface ControlOption {
  value: string;
  label: string;
  /** Heading the option is listed under (long lists only, e.g. series by category). */
  group?: string;
}

/** Form controls, rendered server-side by ChartControls.astro and read back with FormData. */
export type ControlDef =
  | { kind: 'checkboxes'; key: string; legend: string; options: ControlOption[] }
  | { kind: 'radio'; key: string; legend: string; options: ControlOption[] }
  | { kind: 'select'; key: string; legend: string; options: ControlOption[] }
  | { kind: 'year-range'; fromKey: string; toKey: string; legend: string; min: number; max: number };

/** One column of the data table (DataTable.astro): `format` picks a formatter from ./format.ts. */
export interface TableColumn {
  key: string;
  label: string;
  format?: 'number' | 'text' | 'date' | 'kind' | 'link' | 'window';
  /** For format 'link': the column holding the URL. */
  href?: string;
  /** For format 'window': the column holding the window's last day (`key` holds its first). */
  end?: string;
}

/** A palette entry: colour and line dash per value of the colour column (country code). */
export interface PaletteEntry {
  color: string;
  label: string;
}

/** A horizontal strip of dated markers under the time axis (regularizations, rule changes). */
export interface EventLayer {
  /** Id used in `state.layers` and in the URL (`layers=reg,rules`). */
  layer: string;
  /** Dataset that holds the events. */
  dataset: string;
  /** dots: circles, area sized by `size`; ticks: one small lane per colour value. */
  mark: 'dots' | 'ticks';
  /** Column with the event date (`YYYY-MM-DD`). */
  x: string;
  /** Column sizing the circles (e.g. approvals); null sizes are drawn hollow. */
  size?: string;
  /** Strip title drawn above the markers. */
  label: string;
  /** Shorter title for narrow charts. */
  shortLabel: string;
}

/**
 * Encodings of a `time-comparison` chart: several lines on one time axis, estimate ranges as
 * bands and rules, direct labels at the last point, optional event strips under the axis.
 * State fields it understands by name: `scale` (linear|log), `mode` (absolute|indexed),
 * `layers` (array of EventLayer.layer ids), `from`/`to` (years, used for the x domain).
 */
export interface TimeComparisonEncodings {
  /** Dataset drawn as lines. */
  dataset: string;
  /** Column with the x position (`YYYY-MM-DD`). */
  x: string;
  /** Column with the central value or count (null when only a range is published). */
  y: string;
  /** Columns with the range bounds, if any. */
  low?: string;
  high?: string;
  /** Column identifying one line (one series in one country). */
  line: string;
  /** Column whose value picks the colour: a key of `palette`, else a country code (one colour per country, ../domain/countries.ts). */
  color: string;
  /**
   * country (default): every line takes its country's colour (the headline chart: Spain's three
   * estimators are all Spain). line: a country's first line takes its colour, its other lines
   * distinct hues (several series of one country on its own page).
   */
  colorBy?: 'country' | 'line';
  /** Column with the direct label text of each line. */
  label: string;
  /** Column with the value kind: `count` draws solid lines, estimates dashed. */
  kind: string;
  /** y axis label in absolute mode. */
  yLabel: string;
}

/** How one state field (or year range) narrows rows without a query (./quick.ts). */
export type QuickRule =
  /** Rows whose `columns[dataset]` is in the list `state[key]` (an empty list is every value when `emptyMeansAll`). */
  | { kind: 'list'; key: string; columns: Record<string, string>; emptyMeansAll?: boolean }
  /** Rows whose `columns[dataset]` (a date or period text, first four characters the year) is within `state[from]`..`state[to]`. */
  | { kind: 'years'; from: string; to: string; columns: Record<string, string> };

export interface QuickRules {
  rules: QuickRule[];
  /** A query keeps at most `max` distinct `column` values: held rows at the cap cannot narrow. */
  cap?: { dataset: string; column: string; max: number };
}

export interface ChartSpec<S extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  subtitle: string;
  /**
   * Drawing recipe: a key of the kind registry (../charts/kinds/index.ts), e.g. `time-comparison`
   * (lines on a time axis) or `event-timeline` (dated events, one row per country).
   */
  kind: string;
  /** Settings only one kind reads (documented in that kind's module); the other kinds ignore them. */
  options?: Record<string, unknown>;
  /** Columns of the main dataset the kind draws beyond the encodings and the table (sent to the browser for redraws). */
  drawColumns?: string[];
  /** Published tables the queries read (the browser loads only these). */
  tables: TableName[];
  /** Named queries. `data` is required. */
  datasets: Record<string, DatasetDef> & { data: DatasetDef };
  /**
   * The state a reader can change. Every field must have a default and fall back to it on bad
   * input (`.catch(default)`), so `state.parse({})` gives the defaults and garbage never throws.
   */
  state: S;
  /** Values bound into the SQL that the reader cannot change (series ids of the chart). */
  constants: Record<string, string | number | string[]>;
  url: UrlField[];
  controls: ControlDef[];
  encodings: TimeComparisonEncodings;
  layers: EventLayer[];
  /** Colour per value of `encodings.color`; Okabe–Ito hues chosen to hold 3:1 contrast on light and dark backgrounds. */
  palette: Record<string, PaletteEntry>;
  /** Columns of the data table. */
  table: TableColumn[];
  /**
   * Named example states (partial) rendered by the snapshot tests besides the default state; the
   * test fixture is cut to cover them (tests/charts/make-fixtures.ts).
   */
  examples?: Record<string, Record<string, unknown>>;
  /** How state changes narrow held rows without the engine (./quick.ts); absent: every query change asks the engine. */
  quick?: QuickRules;
  /**
   * Notes, shaded windows and highlighted series of one view (./annotate.ts). Set on a view of a
   * registered chart (a story's chart), never in a chart file; travels to the browser with the figure.
   */
  annotations?: Annotation[];
}

export type StateOf<S extends ChartSpec> = z.infer<S['state']>;

/** Columns every time chart's SQL returns by default (the contract of the `series` role, ./tooltip.ts). */
export const TIME_ENCODINGS: TimeComparisonEncodings = {
  dataset: 'data',
  x: 'ref_date',
  y: 'value',
  low: 'low',
  high: 'high',
  line: 'line_id',
  color: 'country_code',
  label: 'label',
  kind: 'value_kind',
  yLabel: 'People',
};

/** The data table of a time chart unless a definition says otherwise. */
export const TIME_TABLE: TableColumn[] = [
  { key: 'label', label: 'Line' },
  { key: 'period', label: 'Period', format: 'date' },
  { key: 'value', label: 'Value', format: 'number' },
  { key: 'low', label: 'Low', format: 'number' },
  { key: 'high', label: 'High', format: 'number' },
  { key: 'value_kind', label: 'Kind', format: 'kind' },
  { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
];

/** Tables a time chart with event strips reads. */
export const TIME_TABLES: TableName[] = ['observations', 'series', 'sources', 'countries', 'regularizations', 'rule_changes'];

/**
 * What a chart file writes: only what differs from the defaults. Missing fields take the defaults
 * of the kind: no constants, URL fields, controls, event strips or palette entries (lines take
 * their country's colour), the standard encodings and data table.
 */
export type ChartDefinition<S extends z.ZodType = z.ZodType> = Omit<
  ChartSpec<S>,
  'kind' | 'tables' | 'constants' | 'url' | 'controls' | 'encodings' | 'layers' | 'palette' | 'table'
> &
  Partial<Pick<ChartSpec<S>, 'kind' | 'options' | 'drawColumns' | 'tables' | 'constants' | 'url' | 'controls' | 'layers' | 'palette' | 'table'>> & {
    encodings?: Partial<TimeComparisonEncodings>;
  };

/**
 * Whether a spec draws totals over a window as brackets (`options.windows`): its main dataset then
 * returns `window_start` and `window_end` (YYYY-MM-DD text, null for values at a date or in a
 * period of a year or less).
 */
export const drawsWindows = (spec: ChartSpec): boolean => spec.options?.windows === true;

/** A chart spec from its sparse definition: the defaults filled in, the literal types kept. */
export function defineChart<S extends z.ZodType>(def: ChartDefinition<S>): ChartSpec<S> {
  return {
    ...def,
    kind: def.kind ?? 'time-comparison',
    tables: def.tables ?? TIME_TABLES,
    // `locale` picks country names in SQL (countryNameSql); localizeSpec (./locale.ts) sets it per language.
    constants: { locale: 'en', ...def.constants },
    url: def.url ?? [],
    controls: def.controls ?? [],
    encodings: { ...TIME_ENCODINGS, ...def.encodings },
    layers: def.layers ?? [],
    palette: def.palette ?? {},
    table: def.table ?? TIME_TABLE,
  };
}
