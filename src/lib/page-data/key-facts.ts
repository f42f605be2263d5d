/**
 * Key facts for the home page, computed at build time from the published tables: every figure is
 * a published row with its source, never a number typed into a page. A fact whose query finds no
 * row is left out rather than shown empty.
 *
 * Node-only (uses the build-time DuckDB connection).
 */
import { queryNode } from '../db/node.ts';
import { formatFuzzyDate } from '../charts/format.ts';
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

const nf = new Intl.NumberFormat('en-GB');

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

export async function keyFacts(): Promise<KeyFact[]> {
  const facts: KeyFact[] = [];
  const one = async (sql: string) => (await queryNode(sql))[0] as Row | undefined;

  const jp = await one(latestTotal('jpn_overstayers', 'JPN'));
  const jpPeak = await one(peakTotal('jpn_overstayers', 'JPN'));
  if (jp && jpPeak) {
    facts.push({
      id: 'jpn-overstayers',
      figure: nf.format(num(jp)),
      text: `people had overstayed their permits in Japan on ${formatFuzzyDate(String(jp.period))}, against a peak of ${nf.format(num(jpPeak))} on ${formatFuzzyDate(String(jpPeak.period))}.`,
      caveat: 'Overstayers only: people who entered illegally are not counted.',
      source: src(jp),
      more: 'series/jpn_overstayers/',
    });
  }

  const kr = await one(latestTotal('kor_illegal_stay', 'KOR'));
  const krPeak = await one(peakTotal('kor_illegal_stay', 'KOR'));
  if (kr && krPeak) {
    facts.push({
      id: 'kor-illegal-stay',
      figure: nf.format(num(kr)),
      text: `foreigners were staying illegally in South Korea on ${formatFuzzyDate(String(kr.period))}; the highest count published was ${nf.format(num(krPeak))} (${formatFuzzyDate(String(krPeak.period))}).`,
      caveat: 'Includes visa-exempt short-term visitors who stayed on; not comparable with Japan’s count.',
      source: src(kr),
      more: 'series/kor_illegal_stay/',
    });
  }

  const titp = await one(latestTotal('jpn_technical_intern_missing', 'JPN'));
  if (titp) {
    facts.push({
      id: 'jpn-trainees-missing',
      figure: nf.format(num(titp)),
      text: `technical intern trainees were reported missing by their host organisations in Japan in ${formatFuzzyDate(String(titp.period))}.`,
      caveat: 'Notifications of trainees gone missing; some are later found.',
      source: src(titp),
      more: 'series/jpn_technical_intern_missing/',
    });
  }

  // The largest programmes by people granted status among the core countries.
  const regs = await queryNode(/* sql */ `
    SELECT r.regularization_id, r.name_en, r.country_code, c.name_en AS country_name, r.approvals, r.applications,
           coalesce(r.start_date, substr(r.regularization_id, 5, 4)) AS start_known,
           s.source_id, s.publisher, s.title, s.url
    FROM regularizations r JOIN sources s USING (source_id) LEFT JOIN countries c USING (country_code)
    WHERE r.approvals IS NOT NULL AND r.kind IN ('one_off', 'worker_legalization')
      AND list_contains([${CORE_COUNTRIES.map((c) => `'${c}'`).join(', ')}], r.country_code)
    ORDER BY r.approvals DESC LIMIT 2`);
  for (const r of regs as Row[]) {
    const apps = r.applications === null ? '' : ` of ${nf.format(Number(r.applications))} applications`;
    facts.push({
      id: `reg-${r.regularization_id}`,
      figure: nf.format(Number(r.approvals)),
      // The card names its country and date: a programme's name alone rarely says where or when.
      text: `people were granted status${apps} in ${String(r.country_name ?? r.country_code)}'s ${String(r.name_en)} (from ${formatFuzzyDate(String(r.start_known))}).`,
      caveat: 'Figures as published by the source; see the programme’s note on what they count.',
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
      figure: nf.format(num(eu)),
      text: `times non-EU citizens were found illegally present in the EU in ${String(eu.period)}.`,
      caveat: 'Apprehensions, a flow of enforcement events: one person can be counted several times.',
      source: src(eu),
      more: 'series/eurostat_migr_eipre/',
    });
  }
  return facts;
}
