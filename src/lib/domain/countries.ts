/**
 * The countries the project compares, and the one colour each country has everywhere: the home
 * chart, its country page, the series pages, Explore, embeds and exported images.
 *
 * Colours are assigned once, by code, in this file. A country not listed gets a colour from the
 * extra hues chosen by a hash of its code alone, so adding a country never changes another
 * country's colour. When one chart draws several lines of one country (two series, or nationals
 * and foreigners), the first keeps the country's colour and the others take the next extra hue
 * not yet used in that chart (`assignLineColors`).
 *
 * Browser-safe, dependency-free.
 */

/** The four countries the project compares in depth (home chart, richer country pages). */
export const CORE_COUNTRIES = ['JPN', 'KOR', 'ESP', 'ITA'] as const;
export type CoreCountry = (typeof CORE_COUNTRIES)[number];

export const isCoreCountry = (code: string): code is CoreCountry => (CORE_COUNTRIES as readonly string[]).includes(code);

/**
 * Okabe–Ito hues for the core countries (they keep 3:1 contrast on the light and the dark
 * background). Never reuse one of these for another country.
 */
export const COUNTRY_COLORS: Readonly<Record<CoreCountry, string>> = {
  JPN: '#D55E00',
  KOR: '#0072B2',
  ESP: '#009E73',
  ITA: '#CC79A7',
};

/** Mid-tone hues for every other country and for second lines of one country; distinct from the core hues. */
export const EXTRA_COLORS = ['#9467BD', '#A6761D', '#C0392B', '#8C564B', '#6B8E23', '#5D6D7E', '#B7950B', '#7F7F7F'] as const;

/**
 * The series that introduces each core country (its country page's headline figure): its main
 * count or estimate of people without legal status, the one the home chart draws solid or first.
 */
export const HEADLINE_SERIES: Readonly<Record<CoreCountry, string>> = {
  JPN: 'jpn_overstayers',
  KOR: 'kor_illegal_stay',
  ESP: 'esp_irregular_estimate_funcas',
  ITA: 'ita_irregular_estimate_ismu',
};

/** English names of the core countries, for labels written before the data is read (controls). */
export const CORE_COUNTRY_NAMES: Readonly<Record<CoreCountry, string>> = {
  JPN: 'Japan',
  KOR: 'South Korea',
  ESP: 'Spain',
  ITA: 'Italy',
};

/** FNV-1a over the code: a stable index that depends on nothing but the code. */
function hash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colour of a country (any code; unknown codes get a stable extra hue). */
export function countryColor(code: string): string {
  if (isCoreCountry(code)) return COUNTRY_COLORS[code];
  return EXTRA_COLORS[hash(code) % EXTRA_COLORS.length];
}

/**
 * Colours for the lines of one chart, in drawing order. Each line names its country; the first
 * line of a country takes the country's colour when no earlier line holds it, every other line
 * the first extra hue not used yet in the chart (cycling once all are used).
 */
export function assignLineColors(lines: { line: string; country: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const pending: string[] = [];
  for (const { line, country } of lines) {
    if (out.has(line) || pending.includes(line)) continue;
    const own = countryColor(country);
    if (!used.has(own)) {
      out.set(line, own);
      used.add(own);
    } else pending.push(line);
  }
  // Second lines are coloured after every country has its own, so a later country's colour is never taken.
  let k = 0;
  for (const line of pending) {
    const free = EXTRA_COLORS.find((c) => !used.has(c));
    const color = free ?? EXTRA_COLORS[k++ % EXTRA_COLORS.length];
    out.set(line, color);
    used.add(color);
  }
  return out;
}

/**
 * A country's name in the chart's language, in SQL: the countries table holds each name
 * (`name_en`, `name_ja`, `name_ko`, `name_es`, `name_it`); `$locale` is the chart's language
 * (`constants.locale`, set by localizeSpec). Falls back to English where a name is missing.
 */
export function countryNameSql(alias: string): string {
  return `coalesce(CASE $locale WHEN 'ja' THEN ${alias}.name_ja WHEN 'ko' THEN ${alias}.name_ko WHEN 'es' THEN ${alias}.name_es WHEN 'it' THEN ${alias}.name_it END, ${alias}.name_en)`;
}
