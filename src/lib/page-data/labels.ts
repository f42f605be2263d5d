/**
 * Short line labels for series, for direct labels at the end of chart lines (the full title is in
 * the tooltip table, the notes and the series page). Hand-written for the series readers meet
 * most (translated through the chart dictionary, keyed by the English); the rest are derived from
 * the title (in another language: its translated title, cut to length).
 */
import { tx as currentTx, type Tx } from '../charts/locale.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

export const SHORT_LABELS: Record<string, string> = {
  jpn_overstayers: 'Overstayers (ISA)',
  kor_illegal_stay: 'Illegal stay (KIS)',
  kor_eps_e9_illegal_stay: 'Former E-9 workers staying illegally',
  kor_eps_e9_new_illegal_stay: 'E-9 holders newly undocumented',
  esp_irregular_estimate_funcas: 'Funcas estimate',
  esp_irregular_estimate_porcausa: 'porCausa estimate',
  esp_irregular_padron_minus_permits: 'Padrón minus permits',
  esp_irregular_estimate_government: 'Government figure',
  esp_irregular_estimate_partido_popular: 'Partido Popular figure',
  esp_irregular_estimate_unattributed: 'Unattributed figure',
  esp_padron_minus_documents_gap: 'Padrón minus documents',
  ita_irregular_estimate_ismu: 'ISMU estimate',
  ita_irregular_estimate_emn_idos: 'EMN/IDOS estimate',
  ita_irregular_estimate_migrantes: 'Migrantes estimate',
  ita_irregular_share_ismu: 'ISMU share',
  oecd_irregular_estimate_regularisation: 'OECD (from applications)',
  clandestino_irregular_estimate: 'CLANDESTINO',
  grc_irregular_estimate_eliamep: 'ELIAMEP',
  pew_irregular_estimate: 'Pew estimate',
  mirrem_irregular_estimate: 'MIrreM estimate',
  eurostat_migr_eipre: 'Found illegally present',
  eurostat_migr_eirfs: 'Refused entry',
  eurostat_unemployment_rate: 'Unemployment rate',
  eurostat_employment_rate: 'Employment rate',
  eurostat_unemployment: 'Unemployed',
  eurostat_first_permits: 'First permits',
  eurostat_population_by_citizenship: 'Foreign citizens',
  eurostat_population_foreign_born: 'Foreign-born',
  eu_ordered_to_leave_quarterly: 'Ordered to leave',
  eu_returned_following_order_quarterly: 'Returned after order',
  eu_returned_to_third_country_quarterly: 'Returned outside the EU',
  eu_returned_to_third_country_annual: 'Returned outside the EU',
  jpn_foreign_workers: 'Foreign workers',
  jpn_foreign_residents_titp: 'Technical interns',
  jpn_foreign_residents_ssw: 'Specified Skilled Workers',
  jpn_foreign_residents: 'Foreign residents',
  jpn_foreign_registered_residents: 'Registered foreigners',
  jpn_technical_intern_missing: 'Trainees missing',
  jpn_deportation_procedures: 'Deportation procedures',
  jpn_deportation_orders_after_objection: 'Orders after objection',
  jpn_removals_executed: 'Removals',
  jpn_special_permission_to_stay: 'Special permission to stay',
  jpn_objections_to_minister: 'Objections',
  jpn_violation_examination_cases: 'Examination cases',
  kor_eps_e9_quota: 'E-9 quota',
  kor_eps_e9_entries: 'E-9 entries',
  kor_eps_e9_workers: 'E-9 workers',
  kor_eps_e9_illegal_deported: 'Former E-9 deported',
  kor_foreign_residents: 'Foreign residents',
  kor_registered_foreigners: 'Registered foreigners',
  kor_illegal_stay_apprehensions: 'Detected',
  kor_2003_legalization_legalized: 'Legalized 2003',
  esp_residence_documents: 'Residence documents',
  esp_foreign_population_padron: 'Padrón register',
  esp_foreign_population_ine: 'INE population',
  esp_social_security_foreign_affiliates: 'Social Security affiliates',
  esp_arraigo_authorisation_holders: 'Arraigo holders',
  ita_non_eu_permit_holders: 'Permit holders',
  ita_foreign_present_ismu: 'Present (ISMU)',
  ita_regular_non_resident_ismu: 'Permit, not resident',
  ita_new_permits_istat: 'New permits',
  ita_decreto_flussi_quota: 'Decreto flussi quota',
  ita_employment_rate_foreigners: 'Employment rate',
  ita_foreign_employed: 'Employed',
  ita_sea_arrivals: 'Sea arrivals',
};

const COUNTRY_WORDS = /\s*(,\s*)?(\b(in|from|of)\b\s+)?(Japan|South Korea|Spain|Italy|Greece)('s)?\b/g;

/** `title`: the series title in `locale`. Hand-written labels go through the current chart language. */
export function shortLabel(seriesId: string, title: string, locale: Locale = DEFAULT_LOCALE, tx: Tx = currentTx): string {
  if (SHORT_LABELS[seriesId]) return tx(SHORT_LABELS[seriesId]);
  if (locale !== DEFAULT_LOCALE) return title.length > 44 ? `${title.slice(0, 43)}…` : title;
  let t = title
    .replace(/\((Japan|South Korea|Spain|Italy)\)/g, '')
    .replace(COUNTRY_WORDS, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (t.length > 44) t = `${t.slice(0, 42).replace(/\s+\S*$/, '')}…`;
  return t || title.slice(0, 44);
}
