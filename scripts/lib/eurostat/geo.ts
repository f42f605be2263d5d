/**
 * Eurostat geo codes → the project's country codes (ISO 3166-1 alpha-3, or an aggregate code
 * kept as Eurostat writes it).
 *
 * Eurostat mostly uses ISO alpha-2, with two exceptions that trip naive lookups: Greece is EL
 * (not GR) and the United Kingdom is UK (not GB). Kosovo has no ISO code; Eurostat writes XK and
 * we use XKX, the code the EU and most statistics offices use. Aggregates (EU27_2020, EU28, EA20)
 * stay as they are and are flagged as aggregates in data/curated/countries.csv.
 *
 * Labels are the English labels of Eurostat's GEO code list, as they appear in data-browser
 * exports ("Spain", "Türkiye", "European Union - 27 countries (from 2020)").
 * A geo not listed here is an InputError: guessing would publish a value under the wrong country.
 */
import { InputError } from '../errors.ts';

export interface GeoEntry {
  /** Eurostat geo code. */
  geo: string;
  /** Project country code. */
  code: string;
  /** Eurostat English label. */
  label: string;
}

export const GEOS: readonly GeoEntry[] = [
  { geo: 'EU27_2020', code: 'EU27_2020', label: 'European Union - 27 countries (from 2020)' },
  { geo: 'EU28', code: 'EU28', label: 'European Union - 28 countries (2013-2020)' },
  { geo: 'EU27_2007', code: 'EU27_2007', label: 'European Union - 27 countries (2007-2013)' },
  { geo: 'EA20', code: 'EA20', label: 'Euro area – 20 countries (from 2023)' },
  { geo: 'EFTA', code: 'EFTA', label: 'European Free Trade Association' },
  { geo: 'BE', code: 'BEL', label: 'Belgium' },
  { geo: 'BG', code: 'BGR', label: 'Bulgaria' },
  { geo: 'CZ', code: 'CZE', label: 'Czechia' },
  { geo: 'DK', code: 'DNK', label: 'Denmark' },
  { geo: 'DE', code: 'DEU', label: 'Germany' },
  { geo: 'EE', code: 'EST', label: 'Estonia' },
  { geo: 'IE', code: 'IRL', label: 'Ireland' },
  { geo: 'EL', code: 'GRC', label: 'Greece' },
  { geo: 'ES', code: 'ESP', label: 'Spain' },
  { geo: 'FR', code: 'FRA', label: 'France' },
  { geo: 'HR', code: 'HRV', label: 'Croatia' },
  { geo: 'IT', code: 'ITA', label: 'Italy' },
  { geo: 'CY', code: 'CYP', label: 'Cyprus' },
  { geo: 'LV', code: 'LVA', label: 'Latvia' },
  { geo: 'LT', code: 'LTU', label: 'Lithuania' },
  { geo: 'LU', code: 'LUX', label: 'Luxembourg' },
  { geo: 'HU', code: 'HUN', label: 'Hungary' },
  { geo: 'MT', code: 'MLT', label: 'Malta' },
  { geo: 'NL', code: 'NLD', label: 'Netherlands' },
  { geo: 'AT', code: 'AUT', label: 'Austria' },
  { geo: 'PL', code: 'POL', label: 'Poland' },
  { geo: 'PT', code: 'PRT', label: 'Portugal' },
  { geo: 'RO', code: 'ROU', label: 'Romania' },
  { geo: 'SI', code: 'SVN', label: 'Slovenia' },
  { geo: 'SK', code: 'SVK', label: 'Slovakia' },
  { geo: 'FI', code: 'FIN', label: 'Finland' },
  { geo: 'SE', code: 'SWE', label: 'Sweden' },
  { geo: 'IS', code: 'ISL', label: 'Iceland' },
  { geo: 'LI', code: 'LIE', label: 'Liechtenstein' },
  { geo: 'NO', code: 'NOR', label: 'Norway' },
  { geo: 'CH', code: 'CHE', label: 'Switzerland' },
  { geo: 'UK', code: 'GBR', label: 'United Kingdom' },
  { geo: 'ME', code: 'MNE', label: 'Montenegro' },
  { geo: 'MD', code: 'MDA', label: 'Moldova' },
  { geo: 'MK', code: 'MKD', label: 'North Macedonia' },
  { geo: 'GE', code: 'GEO', label: 'Georgia' },
  { geo: 'AL', code: 'ALB', label: 'Albania' },
  { geo: 'RS', code: 'SRB', label: 'Serbia' },
  { geo: 'TR', code: 'TUR', label: 'Türkiye' },
  { geo: 'UA', code: 'UKR', label: 'Ukraine' },
  { geo: 'AD', code: 'AND', label: 'Andorra' },
  { geo: 'MC', code: 'MCO', label: 'Monaco' },
  { geo: 'SM', code: 'SMR', label: 'San Marino' },
  { geo: 'AM', code: 'ARM', label: 'Armenia' },
  { geo: 'AZ', code: 'AZE', label: 'Azerbaijan' },
  { geo: 'BA', code: 'BIH', label: 'Bosnia and Herzegovina' },
  { geo: 'XK', code: 'XKX', label: 'Kosovo*' },
  { geo: 'BY', code: 'BLR', label: 'Belarus' },
  { geo: 'RU', code: 'RUS', label: 'Russia' },
];

const BY_GEO = new Map(GEOS.map((g) => [g.geo, g]));
// Data-browser exports have used both "–" and "-" in aggregate labels; compare on a folded form.
const fold = (s: string) => s.normalize('NFC').replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
const BY_LABEL = new Map(GEOS.map((g) => [fold(g.label), g]));
/** Older labels still found in exports made before Eurostat renamed the entry. */
const LABEL_ALIASES: Record<string, string> = {
  'czech republic': 'CZ',
  turkey: 'TR',
  'germany (until 1990 former territory of the frg)': 'DE',
  'former yugoslav republic of macedonia, the': 'MK',
  'north macedonia (from 2019)': 'MK',
};

/** Eurostat geo code → project country code; unknown codes are an InputError. */
export function geoToCountry(geo: string, file: string, line: number, column: string | null = 'geo'): string {
  const hit = BY_GEO.get(geo.trim());
  if (!hit) {
    throw new InputError(file, line, column, `unknown Eurostat geo code "${geo}"; add it to scripts/lib/eurostat/geo.ts with its ISO 3166-1 alpha-3 code if it is a country`);
  }
  return hit.code;
}

/** Eurostat geo label ("Spain") or code ("ES") → Eurostat geo code. Unknown labels are an InputError. */
export function geoLabelToGeo(label: string, file: string, line: number, column: string | null = 'geo'): string {
  const s = label.trim();
  if (BY_GEO.has(s)) return s;
  const f = fold(s);
  const hit = BY_LABEL.get(f);
  if (hit) return hit.geo;
  const alias = LABEL_ALIASES[f];
  if (alias) return alias;
  throw new InputError(file, line, column, `unknown Eurostat geo label "${label}"; add it to scripts/lib/eurostat/geo.ts`);
}

/** Reverse lookup, for countries.csv checks. */
export function countryToGeo(code: string): string | null {
  return GEOS.find((g) => g.code === code)?.geo ?? null;
}
