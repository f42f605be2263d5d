/**
 * The message catalogs (src/lib/i18n/messages/): every language has every key of the English
 * reference and no other, with the same ICU placeholders; every key is used somewhere in the
 * site's code; numbers and dates follow each language's conventions.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { formats } from '../../src/lib/i18n/format.ts';
import { LOCALES, localeOfPath, pathInLocale } from '../../src/lib/i18n/locales.ts';
import { CATALOGS, translator } from '../../src/lib/i18n/messages.ts';

const en = CATALOGS.en;
const keys = Object.keys(en).sort();

function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      out.add(e.value);
      for (const o of Object.values(e.options)) placeholders(o.value, out);
    }
    if (e.type === TYPE.tag) {
      out.add(`<${e.value}>`);
      placeholders(e.children, out);
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return p.includes(`${path.sep}i18n${path.sep}messages`) ? [] : sourceFiles(p);
    return /\.(ts|astro|mdx?)$/.test(name) ? [p] : [];
  });
}

describe('message catalogs', () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys, each non-empty, with the same placeholders`, () => {
      const catalog = CATALOGS[locale];
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys) {
        const message = catalog[key as keyof typeof en];
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
        // `ignoreTag: false` parses <sources>…</sources> as a tag, so tags are compared too.
        const mine = [...placeholders(parse(message))].sort();
        const ref = [...placeholders(parse(en[key as keyof typeof en]))].sort();
        expect(mine, `${locale} ${key}`).toEqual(ref);
      }
    });
  }

  it('every key is used by the site code (no dead strings)', () => {
    const code = sourceFiles(path.resolve('src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const unused = keys.filter((k) => !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });

  it('translated catalogs are translated (only names may equal the English)', () => {
    // Names, punctuation and words spelt alike (Italian "Home", Spanish and Italian "Series"/"Serie").
    const sameAllowed = new Set(['site.name', 'nav.home', 'list.separator', 'series.breadcrumb']);
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = keys.filter((k) => !sameAllowed.has(k) && CATALOGS[locale][k as keyof typeof en] === en[k as keyof typeof en]);
      expect(same, locale).toEqual([]);
    }
  });

  it('formats messages with values', () => {
    expect(translator('en')('footer.releaseOf', { id: 'R1', date: '5 December 2026' })).toBe('Data release R1 of 5 December 2026.');
    expect(translator('ja')('footer.release', { id: 'R1' })).toBe('データ版 R1。');
  });
});

describe('numbers and dates by language', () => {
  it('groups digits and writes decimals the local way', () => {
    expect(formats('en').number(391000)).toBe('391,000');
    expect(formats('es').number(391000)).toBe('391.000');
    expect(formats('it').number(12.5)).toBe('12,5');
    expect(formats('ja').number(391000)).toBe('391,000');
    expect(formats('en').number(null)).toBe('–');
  });

  it('writes dates as precise as they are known', () => {
    expect(formats('en').fuzzyDate('2025-07-01')).toBe('1 July 2025');
    expect(formats('ja').fuzzyDate('2025-07-01')).toBe('2025年7月1日');
    expect(formats('ko').fuzzyDate('2025-07-01')).toBe('2025년 7월 1일');
    expect(formats('it').fuzzyDate('2025-07-01')).toBe('1 luglio 2025');
    expect(formats('es').fuzzyDate('2025-07-01')).toBe('1 de julio de 2025');
    expect(formats('en').fuzzyDate('2005-02')).toBe('February 2005');
    expect(formats('en').fuzzyDate('2005')).toBe('2005');
    expect(formats('en').period('2024-Q3')).toBe('Q3 2024');
    expect(formats('ja').period('2024-H1')).toBe('2024年上半期');
    // a date never moves with the machine's time zone
    expect(formats('en').fuzzyDate('2025-01-01')).toBe('1 January 2025');
  });
});

describe('language in the URL', () => {
  it('English at the root, other languages under a prefix, query string kept', () => {
    expect(localeOfPath('/ja/countries/JPN/')).toBe('ja');
    expect(localeOfPath('/countries/JPN/')).toBe('en');
    expect(localeOfPath('/japan/')).toBe('en');
    expect(pathInLocale('/countries/JPN/?scale=log#chart', 'ko')).toBe('/ko/countries/JPN/?scale=log#chart');
    expect(pathInLocale('/ko/countries/JPN/?scale=log', 'en')).toBe('/countries/JPN/?scale=log');
    expect(pathInLocale('/atlas/it/', 'es', '/atlas/')).toBe('/atlas/es/');
  });
});

describe('messages with tags', () => {
  it('come back as parts that keep the tagged text in place, in every language', async () => {
    const { richTranslator } = await import('../../src/lib/i18n/messages.ts');
    for (const locale of LOCALES) {
      const parts = richTranslator(locale)('footer.licence');
      const tagged = parts.filter((p) => typeof p !== 'string');
      expect(tagged, locale).toEqual([{ tag: 'sources', text: CATALOGS[locale]['footer.licence'].match(/<sources>(.*)<\/sources>/)![1] }]);
      expect(parts.map((p) => (typeof p === 'string' ? p : `<sources>${p.text}</sources>`)).join('')).toBe(CATALOGS[locale]['footer.licence']);
    }
    expect(() => translator('en')('footer.licence')).toThrow(/richTranslator/);
  });
});
