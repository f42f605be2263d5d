/**
 * Labels and display orders of the enums in the data contract (../schema.ts): series categories,
 * rule-change categories, regularization kinds, citizenship groups, units, measures, value kinds
 * and directions. Every page, chart query (through `sqlLabel`) and table reads them from here, so
 * a category is named and ordered the same everywhere. English for now; a catalogue per language
 * will replace the values, not the keys.
 *
 * Browser-safe, dependency-free.
 */

export const CATEGORY_LABELS: Record<string, string> = {
  irregular_residence: 'People without legal residence',
  enforcement: 'Enforcement (flows of events)',
  regularization_flow: 'Regularizations (grants of status)',
  labour: 'Work and labour market',
  population: 'Foreign population and permits',
};
export const CATEGORY_ORDER = ['irregular_residence', 'enforcement', 'regularization_flow', 'labour', 'population'];

export const RULE_CATEGORY_LABELS: Record<string, string> = {
  entry_and_stay: 'Entry and stay',
  labour_migration_channel: 'Labour migration channel',
  enforcement: 'Enforcement',
  regularization: 'Regularization',
  asylum: 'Asylum',
  integration_rights: 'Integration and rights',
  trainee_program: 'Trainee programme',
};

export const REG_KIND_LABELS: Record<string, string> = {
  one_off: 'One-off programme',
  worker_legalization: 'Worker legalization',
  standing_mechanism: 'Standing mechanism',
  standing_mechanism_year: 'Standing mechanism, one year',
  voluntary_departure_amnesty: 'Voluntary-departure amnesty (not a regularization)',
};

export const CITIZENSHIP_LABELS: Record<string, string> = {
  NAT: 'Nationals',
  FOR: 'Foreign citizens',
  FOR_STLS: 'Foreign citizens and stateless',
  EU27_2020_FOR: 'Citizens of other EU countries',
  NEU27_2020_FOR: 'Non-EU citizens',
  STLS: 'Stateless',
  NRP: 'Not reported',
};

export const UNIT_LABELS: Record<string, string> = {
  persons: 'people',
  thousand_persons: 'thousand people',
  percent: 'percent',
  cases: 'cases',
  applications: 'applications',
  permits: 'permits',
  workplaces: 'workplaces',
  organizations: 'organizations',
};

export const MEASURE_LABELS: Record<string, string> = {
  stock: 'Stock at a reference date',
  flow: 'Flow over a period (events, not people at a date)',
  rate: 'Rate',
};

/** Value kinds in plain words (tables, tooltips). */
export const VALUE_KIND_LABELS: Record<string, string> = {
  count: 'official count',
  estimate_central: 'estimate',
  estimate_low: 'estimate, low end',
  estimate_high: 'estimate, high end',
  rate: 'rate',
  quota: 'quota',
  cumulative: 'cumulative total',
};

export const DIRECTION_LABELS: Record<string, string> = {
  restrictive: 'Restrictive',
  liberalizing: 'Liberalizing',
  mixed: 'Mixed',
  none: 'Direction not coded',
};
/**
 * How a rule change's direction is drawn on every chart, key and export: by shape, in the text
 * colour, never by a hue (hues belong to countries: a restrictive change in Japan must not look
 * like a Japanese line). ▼ tightening, ▲ opening, ◆ mixed, ○ not coded.
 */
export interface DirectionMark {
  symbol: 'triangle' | 'diamond' | 'circle';
  /** Degrees; 180 turns the triangle to point down. */
  rotate: number;
  /** Drawn filled, or as an outline. */
  filled: boolean;
}
export const DIRECTION_MARKS: Readonly<Record<string, DirectionMark>> = {
  restrictive: { symbol: 'triangle', rotate: 180, filled: true },
  liberalizing: { symbol: 'triangle', rotate: 0, filled: true },
  mixed: { symbol: 'diamond', rotate: 0, filled: true },
  none: { symbol: 'circle', rotate: 0, filled: false },
};
/** The mark of a direction (null or unknown: not coded). */
export const directionMark = (direction: string | null | undefined): DirectionMark => DIRECTION_MARKS[direction ?? 'none'] ?? DIRECTION_MARKS.none;
/** Palette key of a direction in event layers coloured `byDirection` (annotations.ts writes `dir_<direction>`). */
export const DIRECTION_KEY_PREFIX = 'dir_';
/** Lane order of rule-change directions (top to bottom). */
export const DIRECTION_ORDER = ['restrictive', 'mixed', 'liberalizing', 'none'] as const;

/**
 * SQL `CASE` giving the label of `column` from `labels` (`fallback` SQL when the value is not
 * listed). Keys and labels are our own constants; quotes are doubled anyway.
 */
export function sqlLabel(column: string, labels: Record<string, string>, fallback = column): string {
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  return `CASE ${column} ${Object.entries(labels).map(([k, v]) => `WHEN ${q(k)} THEN ${q(v)}`).join(' ')} ELSE ${fallback} END`;
}
