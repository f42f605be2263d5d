/**
 * Data text in other languages (see src/lib/i18n/data-text.ts): what is missing or stale, and
 * the English still to translate.
 *
 *   tsx tools/i18n-data.ts --check [ja] [--verbose]  every language (or one) and table; exits 1 on
 *                                                    a problem; --verbose lists each problem
 *   tsx tools/i18n-data.ts --todo ja series          YAML of the series still to translate into
 *                                                    Japanese, each stamped with its `from` hash:
 *                                                    translate the values (keep keys and `from`),
 *                                                    then add them to data/i18n/ja/series.yml
 *   tsx tools/i18n-data.ts --todo es rule_changes    the same for rule changes (or regularizations)
 *   tsx tools/i18n-data.ts --chart-text [ja]         chart text (src/lib/i18n/chart-text/<locale>.ts)
 *                                                    missing or unused per language, as JSON
 */
import { isLocale, PREFIXED_LOCALES } from '../src/lib/i18n/locales.ts';
import { TEXT_TABLES, type TextTable } from '../src/lib/i18n/data-text.ts';
import { checkTranslations, englishStamp, missingFigures, untranslated } from '../src/lib/i18n/data-text-check.ts';
import { loadTextRecords } from '../scripts/lib/data-text-records.ts';
import { readTranslations } from '../src/lib/i18n/data-text-files.ts';
import { stringify } from 'yaml';

const args = process.argv.slice(2);
if (args[0] === '--chart-text') {
  const { chartTextKeys } = await import('../src/lib/i18n/chart-text/keys-node.ts');
  const keys = await chartTextKeys();
  const report: Record<string, { missing: string[]; unused: string[] }> = {};
  for (const locale of PREFIXED_LOCALES.filter((l) => !args.some(isLocale) || args.includes(l))) {
    const dict: Record<string, string> = (await import(`../src/lib/i18n/chart-text/${locale}.ts`).catch(() => ({ default: {} }))).default;
    report[locale] = { missing: [...keys.keys()].filter((k) => !(k in dict)), unused: Object.keys(dict).filter((k) => !keys.has(k)) };
  }
  process.stdout.write(`${JSON.stringify({ keys: keys.size, ...report }, null, 1)}\n`);
} else if (args[0] === '--todo') {
  const [, locale, table = 'series'] = args;
  if (!isLocale(locale) || locale === 'en') throw new Error(`--todo needs a language: ${PREFIXED_LOCALES.join(', ')}`);
  if (!(TEXT_TABLES as readonly string[]).includes(table)) throw new Error(`unknown table ${table}: ${TEXT_TABLES.join(', ')}`);
  const records = await loadTextRecords(table as TextTable);
  const todo = new Set(checkTranslations(records, readTranslations(locale, table as TextTable)).map((p) => p.id));
  const doc: Record<string, Record<string, string>> = {};
  for (const r of records) if (todo.has(r.id)) doc[r.id] = { from: englishStamp(r.units), ...Object.fromEntries(r.units) };
  process.stdout.on('error', () => process.exit(0));
  process.stdout.write(stringify(doc, { lineWidth: 100 }));
} else {
  process.stdout.on('error', () => process.exit(0));
  let bad = 0;
  for (const table of TEXT_TABLES) {
    const records = await loadTextRecords(table);
    for (const locale of PREFIXED_LOCALES.filter((l) => !args.some(isLocale) || args.includes(l))) {
      const translations = readTranslations(locale, table);
      const problems = checkTranslations(records, translations);
      // Figures lost in translation, and English left as it was.
      for (const r of records) {
        const t = translations[r.id];
        if (!t) continue;
        for (const [key, en] of r.units) {
          const tr = t[key];
          if (typeof tr !== 'string') continue;
          const lost = missingFigures(en, tr);
          if (lost.length) problems.push({ id: r.id, problem: 'figures', key: `${key} (${lost.join(', ')})` });
          if (untranslated(en, tr, locale)) problems.push({ id: r.id, problem: 'english', key });
        }
      }
      bad += problems.length;
      const ids = new Set(problems.map((p) => p.id));
      console.log(`${locale} ${table}: ${records.length - ids.size}/${records.length} complete${problems.length ? `; ${problems.length} problems` : ''}`);
      if (args.includes('--verbose')) for (const p of problems) console.log(`  ${p.id}: ${p.problem}${p.key ? ` ${p.key}` : ''}`);
    }
  }
  process.exitCode = bad ? 1 : 0;
}
