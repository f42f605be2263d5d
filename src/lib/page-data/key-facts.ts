/**
 * Key facts for the home page, computed at build time from the published tables: every figure is
 * a published row with its source, never a number typed into a page. A fact whose query finds no
 * row is left out rather than shown empty.
 *
 * Node-only (uses the build-time DuckDB connection).
 */
import { queryNode } from '../db/node.ts';
import { formats } from '../i18n/format.ts';
import { translator } from '../i18n/messages.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { readDataTexts } from '../i18n/data-text-files.ts';
import { countryNameSql } from '../domain/countries.ts';
import { CORE_COUNTRIES } from '../domain/countries.ts';
import { preferredTotalSql } from '../domain/rules.ts';

export interface KeyFact {
  id: string;
  /** The figure, formatted. */
  figure: string;
  /** One plain sentence saying what the figure is. */
  text: string;
  /** What to keep in mind (the comparability caveat), short. */
  caveat: string;
  source: { source_id: string; publisher: string; title: string; url: string };
  /** Series page or other page with the full picture, relative to the site root. */
  more: string;
}


/** Latest reliable total of a series (preferred, no breakdown, not flagged low-reliability). */
const latestTotal = (series: string, country: string) => /* sql */ `
  SELECT o.value, o.period, s.source_id, s.publisher, s.title, s.url
  FROM observations o JOIN sources s USING (source_id)
  WHERE o.series_id = '${series}' AND o.country_code = '${country}' AND ${preferredTotalSql('o')}
    -- totals only, and a count rather than a range bound
    AND o.citizenship_code IS NULL
    AND o.value_kind = 'count'
    -- u = low reliability (e.g. an unidentified mirror): not headline material
    AND coalesce(o.flags, '') NOT LIKE '%u%'
  ORDER BY o.period_end DESC LIMIT 1`;

/** Highest total of a series, with its date. */
const peakTotal = (series: string, country: string) => /* sql */ `
  SELECT o.value, o.period FROM observations o
  WHERE o.series_id = '${series}' AND o.country_code = '${country}' AND ${preferredTotalSql('o')} AND o.citizenship_code IS NULL
    AND o.value_kind = 'count'
  ORDER BY o.value DESC LIMIT 1`;

type Row = Record<string, unknown>;
const num = (r: Row) => Number(r.value);
const src = (r: Row) => ({
  source_id: String(r.source_id),
  publisher: String(r.publisher),
  title: String(r.title),
  url: String(r.url),
});

/** The home page's key figures in a language (numbers, dates, names and sentences in it). */
export async function keyFacts(locale: Locale = DEFAULT_LOCALE): Promise<KeyFact[]> {
  const facts: KeyFact[] = [];
  const t = translator(locale);
  const f = formats(locale);
  const n = (v: unknown) => f.number(Number(v));
  const date = (v: unknown) => f.fuzzyDate(String(v));
  const programmes = readDataTexts(locale)?.regularizations ?? {};
  const one = async (sql: string) => (await queryNode(sql))[0] as Row | undefined;

  const jp = await one(latestTotal('jpn_overstayers', 'JPN'));
  const jpPeak = await one(peakTotal('jpn_overstayers', 'JPN'));
  if (jp && jpPeak) {
    facts.push({
      id: 'jpn-overstayers',
      figure: n(num(jp)),
      text: t('facts.jpnOverstayers', { date: date(jp.period), peak: n(num(jpPeak)), peakDate: date(jpPeak.period) }),
      caveat: t('facts.jpnOverstayers.caveat'),
      source: src(jp),
      more: 'series/jpn_overstayers/',
    });
  }

  const kr = await one(latestTotal('kor_illegal_stay', 'KOR'));
  const krPeak = await one(peakTotal('kor_illegal_stay', 'KOR'));
  if (kr && krPeak) {
    facts.push({
      id: 'kor-illegal-stay',
      figure: n(num(kr)),
      text: t('facts.korIllegalStay', { date: date(kr.period), peak: n(num(krPeak)), peakDate: date(krPeak.period) }),
      caveat: t('facts.korIllegalStay.caveat'),
      source: src(kr),
      more: 'series/kor_illegal_stay/',
    });
  }

  const titp = await one(latestTotal('jpn_technical_intern_missing', 'JPN'));
  if (titp) {
    facts.push({
      id: 'jpn-trainees-missing',
      figure: n(num(titp)),
      text: t('facts.jpnTraineesMissing', { period: f.period(String(titp.period)) }),
      caveat: t('facts.jpnTraineesMissing.caveat'),
      source: src(titp),
      more: 'series/jpn_technical_intern_missing/',
    });
  }

  // The largest programmes by people granted status among the core countries.
  const regs = await queryNode(/* sql */ `
    SELECT r.regularization_id, r.name_en, r.country_code, ${countryNameSql('c').replaceAll('$locale', `'${locale}'`)} AS country_name, r.approvals, r.applications,
           coalesce(r.start_date, substr(r.regularization_id, 5, 4)) AS start_known,
           s.source_id, s.publisher, s.title, s.url
    FROM regularizations r JOIN sources s USING (source_id) LEFT JOIN countries c USING (country_code)
    WHERE r.approvals IS NOT NULL AND r.kind IN ('one_off', 'worker_legalization')
      AND list_contains([${CORE_COUNTRIES.map((c) => `'${c}'`).join(', ')}], r.country_code)
    ORDER BY r.approvals DESC LIMIT 2`);
  for (const r of regs as Row[]) {
    const name = programmes[String(r.regularization_id)]?.name ?? String(r.name_en);
    const values = { country: String(r.country_name ?? r.country_code), name, date: date(r.start_known) };
    facts.push({
      id: `reg-${r.regularization_id}`,
      figure: n(r.approvals),
      // The card names its country and date: a programme's name alone rarely says where or when.
      text: r.applications === null ? t('facts.programme', values) : t('facts.programmeOfApplications', { ...values, applications: n(r.applications) }),
      caveat: t('facts.programme.caveat'),
      source: src(r),
      more: `regularizations/#reg-${String(r.regularization_id)}`,
    });
  }

  const eu = await one(/* sql */ `
    SELECT o.value, o.period, s.source_id, s.publisher, s.title, s.url
    FROM observations o JOIN sources s USING (source_id)
    WHERE o.series_id = 'eurostat_migr_eipre' AND o.country_code = 'EU27_2020' AND ${preferredTotalSql('o')} AND o.citizenship_code IS NULL
    ORDER BY o.period_end DESC LIMIT 1`);
  if (eu) {
    facts.push({
      id: 'eu-found-illegally-present',
      figure: n(num(eu)),
      text: t('facts.euFoundIllegallyPresent', { period: f.period(String(eu.period)) }),
      caveat: t('facts.euFoundIllegallyPresent.caveat'),
      source: src(eu),
      more: 'series/eurostat_migr_eipre/',
    });
  }
  return facts;
}
