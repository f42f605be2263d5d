/**
 * The chart-text dictionaries (src/lib/i18n/chart-text/<locale>.ts): each language translates
 * every piece of chart text the code and the chart specs hold (`chartTextKeys`) and nothing else,
 * keeps each key's `{placeholders}`, and leaves no sentence in English.
 */
import { describe, expect, it } from 'vitest';
import type { ChartDictionary } from '../../src/lib/charts/locale.ts';
import { chartTextKeys } from '../../src/lib/i18n/chart-text/keys-node.ts';
import { PREFIXED_LOCALES } from '../../src/lib/i18n/locales.ts';

const keys = await chartTextKeys();
const dictionaries = Object.fromEntries(
  await Promise.all(PREFIXED_LOCALES.map(async (l) => [l, ((await import(`../../src/lib/i18n/chart-text/${l}.ts`)) as { default: ChartDictionary }).default] as const)),
) as Record<(typeof PREFIXED_LOCALES)[number], ChartDictionary>;

/** Names and codes that read the same in every language (publishers, series names). */
const SAME_ALLOWED = new Set(['ISMU', 'Funcas', 'porCausa', 'Eurostat']);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Words of a key, placeholders and punctuation aside. */
const words = (s: string) => s.replace(/\{\w+\}/g, ' ').split(/[\s,.;:()=…]+/).filter(Boolean);

describe('chart-text dictionaries', () => {
  it('the code and the specs hold chart text to translate', () => {
    expect(keys.size).toBeGreaterThan(150);
    expect(keys.has('{from} to {to}')).toBe(true);
    expect(keys.has('People without legal residence in four countries')).toBe(true);
  });

  for (const locale of PREFIXED_LOCALES) {
    describe(locale, () => {
      const dict = dictionaries[locale];

      it('has every key', () => {
        expect([...keys.keys()].filter((k) => !(k in dict))).toEqual([]);
      });

      it('holds no key the code no longer uses', () => {
        expect(Object.keys(dict).filter((k) => !keys.has(k))).toEqual([]);
      });

      it('keeps every placeholder, adds none, and is never empty', () => {
        const bad = Object.entries(dict).filter(([k, v]) => v.trim() === '' || placeholders(v).join() !== placeholders(k).join()).map(([k, v]) => `${k} → ${v}`);
        expect(bad).toEqual([]);
      });

      it('leaves no key of more than three words in English', () => {
        const same = Object.entries(dict).filter(([k, v]) => v === k && words(k).length > 3 && !words(k).every((w) => SAME_ALLOWED.has(w))).map(([k]) => k);
        expect(same).toEqual([]);
      });
    });
  }
});
