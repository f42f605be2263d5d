/**
 * Checks of data-text translations (Node only): the `from` stamp (a short hash of the English
 * units a translation was made from), what is missing, stale or left over, figures lost, English
 * left as it was. Used by tools/i18n-data.ts and tests/site/data-text.test.ts.
 */
import { createHash } from 'node:crypto';
import type { TextRecord, Translations } from './data-text.ts';

export function englishStamp(units: Map<string, string>): string {
  const h = createHash('sha256');
  for (const [k, v] of units) h.update(`${k}\u0000${v}\u0001`);
  return h.digest('hex').slice(0, 10);
}

export interface TranslationProblem {
  id: string;
  problem: 'missing' | 'stale' | 'missing-unit' | 'extra-unit' | 'orphan' | 'figures' | 'english';
  key?: string;
}

/** What is missing, stale or left over in one language's translations of one table. */
export function checkTranslations(records: TextRecord[], translations: Translations): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  const ids = new Set(records.map((r) => r.id));
  for (const { id, units } of records) {
    const t = translations[id];
    if (!t) {
      problems.push({ id, problem: 'missing' });
      continue;
    }
    if (t.from !== englishStamp(units)) problems.push({ id, problem: 'stale' });
    for (const key of units.keys()) {
      if (typeof t[key] !== 'string' || t[key].trim() === '') problems.push({ id, problem: 'missing-unit', key });
    }
    for (const key of Object.keys(t)) {
      if (key !== 'from' && !units.has(key)) problems.push({ id, problem: 'extra-unit', key });
    }
  }
  for (const id of Object.keys(translations)) if (!ids.has(id)) problems.push({ id, problem: 'orphan' });
  return problems;
}

/**
 * The figures a translation must keep: every digit group of the English (separators dropped, so
 * 651,000 and 651.000 agree). A translation may add figures (dates written 7月1日) but not lose one.
 */
export function missingFigures(english: string, translated: string): string[] {
  const groups = (t: string) => (t.match(/\d[\d,.\u202f\u00a0']*\d|\d/g) ?? []).map((g) => g.replace(/[^\d]/g, ''));
  const have = new Set(groups(translated));
  return groups(english).filter((g) => !have.has(g));
}

/**
 * A unit left in English: the same text as the English, or mostly the same words. Codes (ids in
 * backticks, snake_case values, ISO and dataset codes) and names carried over are not words of a
 * sentence: they are dropped before comparing, so a translation may keep them. A Japanese or
 * Korean text is translated when most of its letters are kana, kanji or hangul.
 */
export function untranslated(english: string, translated: string, locale: string): boolean {
  if (english.length < 24) return false;
  if (english.trim() === translated.trim()) return true;
  const prose = (t: string) => t.replace(/`[^`]*`/g, ' ').replace(/\b[\w-]*_[\w-]*\b/g, ' ');
  const tr = prose(translated);
  // Names in the original language, given in brackets, are not left-over English.
  const body = tr.replace(/[（(][^）)]*[）)]/g, ' ');
  const cjk = (body.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length;
  const latin = (body.match(/[A-Za-z]/g) ?? []).length;
  if (locale === 'ja' || locale === 'ko') return cjk < latin / 4;
  const words = (t: string) => t.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  const en = new Set(words(prose(english)));
  const trWords = words(tr);
  if (trWords.length < 6) return false;
  const shared = trWords.filter((w) => en.has(w)).length;
  return shared / trWords.length > 0.6;
}
