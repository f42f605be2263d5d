/**
 * The human label of every coded value the dataset publishes: each enum of the data contract
 * (../schema.ts, listed with its values in codebook.json and datapackage.json), the Eurostat-style
 * flags, and the DEMIG POLICY codes of the rule changes (policy area, tool, target group). One
 * map per column, keyed `<table>.<column>`; labels already kept in ./labels.ts are reused, not
 * restated. tests/site/vocabulary.test.ts fails when a published value has no label here.
 *
 * Browser-safe, dependency-free.
 */
import { CATEGORY_LABELS, DIRECTION_LABELS, MEASURE_LABELS, REG_KIND_LABELS, RULE_CATEGORY_LABELS, UNIT_LABELS, VALUE_KIND_LABELS } from './labels.ts';
import { GRADE_LABELS } from './estimators.ts';

/** How a value relates to its window (observations.period_type). */
export const PERIOD_TYPE_LABELS: Readonly<Record<string, string>> = {
  stock: 'stock at a date',
  flow: 'flow over the period',
  cumulative: 'cumulative total over a window',
  average: 'average over the period',
};

export const SEX_LABELS: Readonly<Record<string, string>> = { female: 'women', male: 'men' };

/** What a rule change's date is (rule_changes.date_kind). */
export const DATE_KIND_LABELS: Readonly<Record<string, string>> = { enacted: 'enacted', in_force: 'in force', announced: 'announced' };

/** What kind of document a source is (sources.kind). */
export const SOURCE_KIND_LABELS: Readonly<Record<string, string>> = { primary: 'Primary', secondary: 'Secondary', dataset: 'Dataset' };

/** Eurostat-style flags (observations.flags), one letter each. */
export const FLAG_LABELS: Readonly<Record<string, string>> = {
  b: 'break in the series',
  c: 'confidential',
  d: 'definition differs',
  e: 'estimated',
  n: 'not significant',
  p: 'provisional',
  r: 'revised',
  u: 'low reliability',
  z: 'not applicable',
};

/** DEMIG POLICY policy areas (rule_changes.policy_area). */
export const DEMIG_POLICY_AREA_LABELS: Readonly<Record<string, string>> = {
  border_and_land_control: 'Border and land control',
  legal_entry_and_stay: 'Legal entry and stay',
  integration: 'Integration',
  exit: 'Exit',
};

/** DEMIG POLICY policy tools (rule_changes.policy_tool). */
export const DEMIG_POLICY_TOOL_LABELS: Readonly<Record<string, string>> = {
  access_to_rights: 'Access to rights',
  carrier_liabilities: 'Carrier liabilities',
  detention: 'Detention',
  employer_liabilities: 'Employer liabilities',
  entry_ban: 'Entry ban',
  entry_visa_stay_permit: 'Entry visa or stay permit',
  expulsion: 'Expulsion',
  other_sanctions: 'Other sanctions',
  quota: 'Quota',
  recruitment_programme: 'Recruitment programme',
  regularization: 'Regularization',
  reintegration_return_programme: 'Reintegration or return programme',
  surveillance_control_powers: 'Surveillance and control powers',
  work_permit: 'Work permit',
};

/** DEMIG POLICY target groups (rule_changes.target_group). */
export const DEMIG_TARGET_GROUP_LABELS: Readonly<Record<string, string>> = {
  all_migrants: 'All migrants',
  asylum_seekers: 'Asylum seekers',
  irregular_migrants: 'Irregular migrants',
  low_skilled_workers: 'Low-skilled workers',
  trainees: 'Trainees',
};

/** Labels of every coded column, keyed `<table>.<column>` (published column names). */
export const VOCABULARY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'observations.period_type': PERIOD_TYPE_LABELS,
  'observations.sex': SEX_LABELS,
  'observations.unit': UNIT_LABELS,
  'observations.value_kind': VALUE_KIND_LABELS,
  'observations.flags': FLAG_LABELS,
  'series.category': CATEGORY_LABELS,
  'series.unit': UNIT_LABELS,
  'series.measure': MEASURE_LABELS,
  'series.quality_grade': GRADE_LABELS,
  'regularizations.kind': REG_KIND_LABELS,
  'rule_changes.date_kind': DATE_KIND_LABELS,
  'rule_changes.category': RULE_CATEGORY_LABELS,
  'rule_changes.direction': DIRECTION_LABELS,
  'rule_changes.policy_area': DEMIG_POLICY_AREA_LABELS,
  'rule_changes.policy_tool': DEMIG_POLICY_TOOL_LABELS,
  'rule_changes.target_group': DEMIG_TARGET_GROUP_LABELS,
  'sources.kind': SOURCE_KIND_LABELS,
};

/** The label of `value` in `<table>.<column>`, or the value with underscores as spaces when none is kept. */
export function labelOf(key: string, value: string): string {
  return VOCABULARY[key]?.[value] ?? value.replaceAll('_', ' ');
}
