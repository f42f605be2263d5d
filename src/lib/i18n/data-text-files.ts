/**
 * Reads data/i18n/<locale>/<table>.yml at build time (Node only). A file that is not plain YAML
 * (tags, aliases, duplicate keys) or holds anything but text is an error naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Locale } from './locales.ts';
import type { TextTable, Translations } from './data-text.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const cache = new Map<string, Translations>();

export function translationsPath(locale: Locale, table: TextTable, root = ROOT): string {
  return join(root, 'data/i18n', locale, `${table}.yml`);
}

export function readTranslations(locale: Locale, table: TextTable, root = ROOT): Translations {
  const path = translationsPath(locale, table, root);
  const hit = cache.get(path);
  if (hit) return hit;
  const file = `data/i18n/${locale}/${table}.yml`;
  let out: Translations = {};
  if (existsSync(path)) {
    const doc = parseDocument(readFileSync(path, 'utf8'), { schema: 'core', uniqueKeys: true, prettyErrors: false });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw new Error(`${file}: ${problem.message.split('\n')[0]}`);
    const value = (doc.toJS({ maxAliasCount: 0 }) ?? {}) as unknown;
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file}: expected a mapping of record ids`);
    for (const [id, units] of Object.entries(value as Record<string, unknown>)) {
      if (typeof units !== 'object' || units === null || Array.isArray(units)) throw new Error(`${file}: ${id} is not a mapping of text units`);
      for (const [k, v] of Object.entries(units)) {
        if (typeof v !== 'string') throw new Error(`${file}: ${id}.${k} is not text`);
        // Control characters other than newline and tab have no place in prose.
        if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v)) throw new Error(`${file}: ${id}.${k} holds a control character`);
      }
    }
    out = value as Translations;
  }
  cache.set(path, out);
  return out;
}
