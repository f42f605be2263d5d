/**
 * The language a chart is drawn in. Chart text is written in English where it is used (in a spec,
 * a kind, the tooltip or the text alternative) and looked up in the language's dictionary
 * (src/lib/i18n/chart-text/<locale>.ts, keyed by the English); numbers and dates go through
 * `formats(locale)`. One page draws in one language, so the language is set once per render:
 *
 * - build: `withChartLocale(locale, dict, () => …)` around the synchronous drawing code
 *   (prepare-node.ts), and `chartLocaleFor(locale)` in components that format cells;
 * - browser: `useChartLocale()` once, from `<html lang>`, before the first redraw.
 *
 * `localizeSpec` gives a spec in a language: its titles, legends, option, layer, palette and table
 * labels, and `*_labels` constants translated, and `constants.locale` set so SQL can pick country
 * names (`countryNameSql` in ../domain/countries.ts).
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { formats, type Formats } from '../i18n/format.ts';
import type { ChartSpec } from './spec.ts';

export type ChartDictionary = Readonly<Record<string, string>>;

interface Current {
  locale: Locale;
  dict: ChartDictionary;
  f: Formats;
}

const ENGLISH: Current = { locale: DEFAULT_LOCALE, dict: {}, f: formats(DEFAULT_LOCALE) };
let current: Current = ENGLISH;

/** Sets the language for everything drawn from now on (browser: once per page). */
export function setChartLocale(locale: Locale, dict: ChartDictionary = {}): void {
  current = locale === DEFAULT_LOCALE ? ENGLISH : { locale, dict, f: formats(locale) };
}

/** Runs synchronous drawing code in a language, then restores the previous one. */
export function withChartLocale<T>(locale: Locale, dict: ChartDictionary, fn: () => T): T {
  const before = current;
  setChartLocale(locale, dict);
  try {
    return fn();
  } finally {
    current = before;
  }
}

export const chartLocale = (): Locale => current.locale;
export const chartFormats = (): Formats => current.f;
export const chartDictionary = (): ChartDictionary => current.dict;

/**
 * Chart text in the current language. `english` is the dictionary key and the English text;
 * `{name}` placeholders are filled from `vars` after translation. A key missing from a
 * dictionary falls back to English (the catalog test fails on it first).
 */
export function tx(english: string, vars?: Record<string, string | number>): string {
  return fill(current.dict[english] ?? english, vars);
}

export type Tx = typeof tx;

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Chart text with a count: txn(n, one, other), e.g. the line count of a text alternative. Both English forms are dictionary
 * keys; the language's plural rule (Intl.PluralRules) picks which one to look up: 'one' takes
 * the first, every other category the second (a language with one form translates both alike).
 */
export function txn(n: number, one: string, other: string, vars?: Record<string, string | number>): string {
  let rules = pluralRules.get(current.locale);
  if (!rules) pluralRules.set(current.locale, (rules = new Intl.PluralRules(current.f.locale === 'en' ? 'en' : current.locale)));
  return tx(rules.select(n) === 'one' ? one : other, { n, ...vars });
}

function fill(text: string, vars?: Record<string, string | number>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

/**
 * `tx` over one dictionary, whatever the current language: for build-time code that awaits
 * between words (page plans), where the current language could be another page's.
 */
export function txWith(dict: ChartDictionary): Tx {
  return (english, vars) => fill(dict[english] ?? english, vars);
}

/** Every piece of text a spec holds that a reader sees, in order (for the catalog test). */
export function specTexts(spec: ChartSpec): string[] {
  const out: string[] = [spec.title, spec.subtitle, spec.encodings.yLabel];
  for (const c of spec.controls) {
    out.push(c.legend);
    if ('options' in c) for (const o of c.options) out.push(o.label, ...(o.group ? [o.group] : []));
  }
  for (const l of spec.layers) out.push(l.label, l.shortLabel);
  for (const p of Object.values(spec.palette)) out.push(p.label);
  for (const t of spec.table) out.push(t.label);
  for (const [k, v] of Object.entries(spec.constants)) if (k.endsWith('_labels') && Array.isArray(v)) out.push(...v);
  // Text with no letter (a year, a number) reads the same in every language: no entry to write.
  return out.filter((s) => typeof s === 'string' && /\p{L}/u.test(s));
}

const cache = new WeakMap<ChartSpec, Map<Locale, ChartSpec>>();

/** The spec in a language (English: the spec itself, with `constants.locale` = 'en'). */
export function localizeSpec<S extends ChartSpec>(spec: S, locale: Locale, dict: ChartDictionary): S {
  let perSpec = cache.get(spec);
  if (!perSpec) cache.set(spec, (perSpec = new Map()));
  const hit = perSpec.get(locale);
  if (hit) return hit as S;
  const t = (s: string) => dict[s] ?? s;
  const out: S = {
    ...spec,
    title: t(spec.title),
    subtitle: t(spec.subtitle),
    encodings: { ...spec.encodings, yLabel: t(spec.encodings.yLabel) },
    controls: spec.controls.map((c) =>
      'options' in c ? { ...c, legend: t(c.legend), options: c.options.map((o) => ({ ...o, label: t(o.label), ...(o.group ? { group: t(o.group) } : {}) })) } : { ...c, legend: t(c.legend) },
    ),
    layers: spec.layers.map((l) => ({ ...l, label: t(l.label), shortLabel: t(l.shortLabel) })),
    palette: Object.fromEntries(Object.entries(spec.palette).map(([k, p]) => [k, { ...p, label: t(p.label) }])),
    table: spec.table.map((c) => ({ ...c, label: t(c.label) })),
    constants: {
      ...Object.fromEntries(Object.entries(spec.constants).map(([k, v]) => [k, k.endsWith('_labels') && Array.isArray(v) ? v.map(t) : v])),
      locale,
    },
  };
  perSpec.set(locale, out);
  return out;
}
