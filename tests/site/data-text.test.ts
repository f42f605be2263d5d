/**
 * Data text in every language (data/i18n/<locale>/*.yml): every series, programme and rule change
 * translated from today's English (a stale stamp fails), every unit present and none extra, every
 * figure of the English kept, nothing left in English. A second block tests the checks themselves
 * on small cases, so a check that could never fail would show.
 */
import { describe, expect, it } from 'vitest';
import { PREFIXED_LOCALES } from '../../src/lib/i18n/locales.ts';
import { TEXT_TABLES } from '../../src/lib/i18n/data-text.ts';
import { checkTranslations, englishStamp, missingFigures, untranslated } from '../../src/lib/i18n/data-text-check.ts';
import { readTranslations } from '../../src/lib/i18n/data-text-files.ts';
import { loadTextRecords } from '../../scripts/lib/data-text-records.ts';

describe('data text translations', () => {
  for (const table of TEXT_TABLES) {
    it(`${table}: complete, current and faithful in every language`, async () => {
      const records = await loadTextRecords(table);
      expect(records.length).toBeGreaterThan(50);
      for (const locale of PREFIXED_LOCALES) {
        const t = readTranslations(locale, table);
        const problems = checkTranslations(records, t).map((p) => `${locale} ${p.id}: ${p.problem}${p.key ? ` ${p.key}` : ''}`);
        for (const r of records) {
          for (const [key, en] of r.units) {
            const tr = t[r.id]?.[key];
            if (typeof tr !== 'string') continue;
            const lost = missingFigures(en, tr);
            if (lost.length) problems.push(`${locale} ${r.id} ${key}: figures lost ${lost.join(', ')}`);
            if (untranslated(en, tr, locale)) problems.push(`${locale} ${r.id} ${key}: left in English`);
          }
        }
        expect(problems).toEqual([]);
      }
    });
  }
});

describe('the checks', () => {
  const units = new Map([['title', 'Overstayers in Japan'], ['definition', 'People who stayed past 651,000 days']]);
  it('a stamp changes with the English', () => {
    expect(englishStamp(units)).not.toBe(englishStamp(new Map([...units, ['title', 'Overstayers']])));
  });
  it('reports missing, stale, extra and orphan records', () => {
    const good = { from: englishStamp(units), title: 'x', definition: 'y' };
    expect(checkTranslations([{ id: 'a', units }], { a: good })).toEqual([]);
    const kinds = checkTranslations([{ id: 'a', units }, { id: 'b', units }], { a: { ...good, from: 'old', extra: 'z' }, c: good }).map((p) => p.problem);
    expect(kinds.sort()).toEqual(['extra-unit', 'missing', 'orphan', 'stale']);
  });
  it('keeps figures whatever the grouping, and notices a lost one', () => {
    expect(missingFigures('651,000 people in 2008', '2008年に651,000人')).toEqual([]);
    expect(missingFigures('651,000 people, 3.5%', '651.000 persone, 3,5%')).toEqual([]);
    expect(missingFigures('651,000 people', '65万1千人')).toEqual(['651000']);
  });
  it('tells English left in place from a translation that keeps codes', () => {
    const en = 'Foreign nationals whose authorised period of stay has expired and who are still in the country.';
    expect(untranslated(en, en, 'it')).toBe(true);
    expect(untranslated(en, 'Foreign nationals whose authorised period of stay has expired, still in the country.', 'es')).toBe(true);
    expect(untranslated(en, 'Foreign nationals whose authorised period of stay has expired (在留).', 'ja')).toBe(true);
    expect(untranslated(en, '在留期間が経過した後も国内にとどまる外国人（`temporary_visitor`, `technical_intern_training`）。', 'ja')).toBe(false);
    expect(untranslated(en, 'Cittadini stranieri il cui periodo di soggiorno autorizzato è scaduto e che sono ancora nel paese (不法残留者).', 'it')).toBe(false);
  });
});
