/**
 * Data text in other languages. The English text a reader sees in the data (a series' title,
 * definition, what it counts and leaves out, breaks, comparability, jumps, preference and quality
 * notes; a programme's name, target group, conditions and figures note; a rule change's title and
 * summary) lives in data/series/*.yml and data/curated/*.csv. Its translation lives in
 * data/i18n/<locale>/<table>.yml as flat keys per record, stamped with a hash of the English it
 * was made from:
 *
 *   jpn_overstayers:
 *     from: 3f2a9c1b            # hash of the English units below; stale when English changes
 *     title: …
 *     break.1997-01-01: …
 *     comparability.JPN: …
 *
 * Browser-safe (the stamp and the checks, which need Node, are in ./data-text-check.ts). This file is the one home for the unit keys, so the checker (tools/i18n-data.ts), the catalog
 * test and the site all agree on what a translation must hold. Names of documents, laws and
 * programmes in their own language (`name_native`, `title_native`, `legal_basis`) are not units:
 * they stay as published.
 */

/** The parts of a series a reader sees, as text. */
export interface SeriesTextSource {
  series_id: string;
  title: string;
  definition: string;
  counts: string;
  excludes: string;
  preference_note?: string | null;
  breaks: { date: string; note: string; country_code?: string | null }[];
  comparability: { country_code: string; note: string }[];
  jumps?: { country_code: string; period: string; note: string }[];
  quality?: { note?: string | null } | null;
}

export const breakKey = (b: { date: string; country_code?: string | null }) => `break.${b.date}${b.country_code ? `.${b.country_code}` : ''}`;
export const comparabilityKey = (c: { country_code: string }) => `comparability.${c.country_code}`;
export const jumpKey = (j: { country_code: string; period: string }) => `jump.${j.country_code}.${j.period}`;

/** Every translatable unit of one series, in file order, keyed as in the translation files. */
export function seriesUnits(s: SeriesTextSource): Map<string, string> {
  const out = new Map<string, string>();
  const put = (key: string, value: string | null | undefined) => {
    if (value == null || value.trim() === '') return;
    let k = key;
    for (let n = 2; out.has(k); n++) k = `${key}#${n}`;
    out.set(k, value);
  };
  put('title', s.title);
  put('definition', s.definition);
  put('counts', s.counts);
  put('excludes', s.excludes);
  for (const b of s.breaks) put(breakKey(b), b.note);
  for (const c of s.comparability) put(comparabilityKey(c), c.note);
  for (const j of s.jumps ?? []) put(jumpKey(j), j.note);
  put('preference_note', s.preference_note);
  put('quality_note', s.quality?.note);
  return out;
}

export interface ProgrammeTextSource {
  regularization_id: string;
  name_en: string;
  target_group?: string | null;
  conditions?: string | null;
  figures_note?: string | null;
}

export function programmeUnits(r: ProgrammeTextSource): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of [['name', r.name_en], ['target_group', r.target_group], ['conditions', r.conditions], ['figures_note', r.figures_note]] as const) {
    if (v != null && v.trim() !== '') out.set(k, v);
  }
  return out;
}

export interface RuleChangeTextSource {
  rule_change_id: string;
  title_en: string;
  summary?: string | null;
}

export function ruleChangeUnits(r: RuleChangeTextSource): Map<string, string> {
  const out = new Map<string, string>();
  if (r.title_en?.trim()) out.set('title', r.title_en);
  if (r.summary?.trim()) out.set('summary', r.summary);
  return out;
}

/** The tables whose text is translated, each file named after its table. */
export const TEXT_TABLES = ['series', 'regularizations', 'rule_changes'] as const;
export type TextTable = (typeof TEXT_TABLES)[number];

/** One record's id and its English units. */
export interface TextRecord {
  id: string;
  units: Map<string, string>;
}

export type Translation = Record<string, string> & { from: string };
export type Translations = Record<string, Translation>;
