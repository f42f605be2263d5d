/**
 * The page data in a language: country names from the countries table (`name_ja`…), series text,
 * programme and rule-change text from data/i18n/<locale>/ (lib/i18n/data-text-files.ts). English
 * returns the published rows as they are. Fields keep their names (`name_en`, `title_en` hold the
 * text shown, in the page's language). Node-only.
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { readDataTexts } from '../i18n/data-text-files.ts';
import { breakKey, comparabilityKey } from '../i18n/data-text.ts';
import { allCountries, allRegularizations, allRuleChanges, allSeries, type CountryInfo, type RegularizationRow, type RuleChangeRow, type SeriesInfo } from './data.ts';

/** A country with its name in `locale` (English where the table has none). */
export function countryIn(c: CountryInfo, locale: Locale): CountryInfo {
  if (locale === DEFAULT_LOCALE) return c;
  const name = c.names.find((n) => n.lang === locale)?.name ?? c.name;
  return { ...c, name };
}

export async function countryNamesIn(locale: Locale): Promise<Map<string, string>> {
  return new Map((await allCountries()).map((c) => [c.code, countryIn(c, locale).name]));
}

/** A series with its title and notes in `locale`, where translated. */
export function seriesInfoIn(s: SeriesInfo, locale: Locale): SeriesInfo {
  const t = readDataTexts(locale)?.series[s.id];
  if (!t) return s;
  return {
    ...s,
    title: t.title ?? s.title,
    definition: t.definition ?? s.definition,
    counts: t.counts ?? s.counts,
    excludes: t.excludes ?? s.excludes,
    breaks: s.breaks.map((b) => ({ ...b, note: t[breakKey(b)] ?? b.note })),
    comparability: s.comparability.map((c) => ({ ...c, note: t[comparabilityKey(c)] ?? c.note })),
    preferenceNote: s.preferenceNote === null ? null : (t.preference_note ?? s.preferenceNote),
  };
}

export async function seriesByIdIn(locale: Locale): Promise<Map<string, SeriesInfo>> {
  return new Map((await allSeries()).map((s) => [s.id, seriesInfoIn(s, locale)]));
}

export async function regularizationsIn(locale: Locale): Promise<RegularizationRow[]> {
  const rows = await allRegularizations();
  if (locale === DEFAULT_LOCALE) return rows;
  const [texts, names] = [readDataTexts(locale)?.regularizations ?? {}, await countryNamesIn(locale)];
  return rows.map((r) => {
    const t = texts[r.id] ?? {};
    return {
      ...r,
      country_name: names.get(r.country_code) ?? r.country_name,
      name_en: t.name ?? r.name_en,
      target_group: r.target_group === null ? null : (t.target_group ?? r.target_group),
      conditions: r.conditions === null ? null : (t.conditions ?? r.conditions),
      figures_note: r.figures_note === null ? null : (t.figures_note ?? r.figures_note),
    };
  });
}

export async function ruleChangesIn(locale: Locale): Promise<RuleChangeRow[]> {
  const rows = await allRuleChanges();
  if (locale === DEFAULT_LOCALE) return rows;
  const [texts, names] = [readDataTexts(locale)?.rule_changes ?? {}, await countryNamesIn(locale)];
  return rows.map((r) => {
    const t = texts[r.id] ?? {};
    return { ...r, country_name: names.get(r.country_code) ?? r.country_name, title_en: t.title ?? r.title_en, summary: t.summary ?? r.summary };
  });
}
