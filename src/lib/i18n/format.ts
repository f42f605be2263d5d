/**
 * Numbers and dates in the reader's language, through Intl: "391,000" / "391.000", "1 July 2025" /
 * "2025年7月1日" / "1 luglio 2025". Charts, tables, tooltips and exports all format through here,
 * so one value reads the same everywhere on a page.
 */
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from './locales.ts';

export interface Formats {
  locale: Locale;
  /** 391,000 / 12.5 (one decimal only when the value has one); a dash for no value. */
  number(v: number | null | undefined): string;
  /** 391K / 1.2M (axis ticks). */
  compact(v: number): string;
  /** A date as precise as it is known: `2025-01-01`, `2005-02`, `2005`. */
  fuzzyDate(s: string | null | undefined): string;
  /** A published period: `2024`, `2024-Q3`, `2024-H1`, `2024-10`, or a reference date. */
  period(p: string | null | undefined): string;
}

/**
 * Quarters and halves have no Intl format; each language writes them its own way (statistical
 * offices' usage: INE "T3", ISTAT "3° trimestre"). Plain functions, so the browser bundle that
 * formats tooltips does not carry the message catalogs.
 */
const QUARTER: Record<Locale, (year: string, q: string) => string> = {
  en: (y, q) => `Q${q} ${y}`,
  ja: (y, q) => `${y}年第${q}四半期`,
  ko: (y, q) => `${y}년 ${q}분기`,
  es: (y, q) => `T${q} ${y}`,
  it: (y, q) => `${q}° trim. ${y}`,
};
const HALF: Record<Locale, (year: string, h: string) => string> = {
  en: (y, h) => `H${h} ${y}`,
  ja: (y, h) => `${y}年${h === '1' ? '上半期' : '下半期'}`,
  ko: (y, h) => `${y}년 ${h === '1' ? '상반기' : '하반기'}`,
  es: (y, h) => `${h === '1' ? '1.er' : '2.º'} semestre de ${y}`,
  it: (y, h) => `${h}° semestre ${y}`,
};

const cache = new Map<Locale, Formats>();

export function formats(locale: Locale = DEFAULT_LOCALE): Formats {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = INTL_TAG[locale];
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  // Dates are built in UTC and formatted in UTC, so no time zone can move the day.
  const day = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });

  const fuzzyDate = (s: string | null | undefined): string => {
    if (!s) return '–';
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (!m) return s;
    const [, y, mo, d] = m;
    if (!mo || Number(mo) < 1 || Number(mo) > 12) return y;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
    return d ? day.format(date) : month.format(date);
  };

  const f: Formats = {
    locale,
    number: (v) => {
      if (v === null || v === undefined || !Number.isFinite(v)) return '–';
      return Number.isInteger(v) ? integer.format(v) : decimal.format(v);
    },
    compact: (v) => compact.format(v),
    fuzzyDate,
    period: (p) => {
      if (!p) return '–';
      const q = /^(\d{4})-Q([1-4])$/.exec(p);
      if (q) return QUARTER[locale](q[1], q[2]);
      const h = /^(\d{4})-H([12])$/.exec(p);
      if (h) return HALF[locale](h[1], h[2]);
      return fuzzyDate(p);
    },
  };
  cache.set(locale, f);
  return f;
}
