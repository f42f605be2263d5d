/**
 * Reads data/i18n/<locale>/<table>.yml, and any `<table>.<part>.yml` beside it (a batch added with
 * new data, e.g. `series.japan-labour.yml`), at build time (Node only). An id in two files is an
 * error. A file that is not plain YAML
 * (tags, aliases, duplicate keys) or holds anything but text is an error naming the file.
 */
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Locale } from './locales.ts';
import type { TextTable, Translations } from './data-text.ts';
import type { DataTexts } from '../charts/data-text.ts';

// The repository root: builds, tests and tools all run from it (as lib/contract/files.ts assumes).
const ROOT = process.cwd();
const cache = new Map<string, Translations>();

export function translationsPath(locale: Locale, table: TextTable, root = ROOT): string {
  return join(root, 'data/i18n', locale, `${table}.yml`);
}

export function readTranslations(locale: Locale, table: TextTable, root = ROOT): Translations {
  const dir = join(root, 'data/i18n', locale);
  const key = `${dir}|${table}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: Translations = {};
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f === `${table}.yml` || (f.startsWith(`${table}.`) && f.endsWith('.yml'))).sort() : [];
  for (const name of names) {
    const part = readTranslationFile(join(dir, name), `data/i18n/${locale}/${name}`);
    for (const [id, units] of Object.entries(part)) {
      if (id in out) throw new Error(`data/i18n/${locale}/${name}: ${id} is translated in another ${table} file too`);
      out[id] = units;
    }
  }
  cache.set(key, out);
  return out;
}

/** A translation file is ordinary text of a sane size: no symlink out of the repository. */
const MAX_BYTES = 8 * 1024 * 1024;

function readTranslationFile(path: string, file: string): Translations {
  let out: Translations = {};
  {
    const stat = lstatSync(path);
    if (!stat.isFile()) throw new Error(`${file}: not a regular file (symlinks are not read)`);
    if (stat.size > MAX_BYTES) throw new Error(`${file}: ${stat.size} bytes, more than the ${MAX_BYTES} a translation file may hold`);
    const doc = parseDocument(readFileSync(path, 'utf8'), { schema: 'core', uniqueKeys: true, prettyErrors: false });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw new Error(`${file}: ${problem.message.split('\n')[0]}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 0 }) ?? {};
    } catch (err) {
      // An alias (which could multiply the document) or anything else the reader refuses: say where.
      throw new Error(`${file}: ${err instanceof Error ? err.message : String(err)} (write every value out in full; no aliases)`);
    }
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
  return out;
}

/** A language's data text for charts (English: none; charts keep the published text). */
export function readDataTexts(locale: Locale, root = ROOT): DataTexts | null {
  if (locale === 'en') return null;
  const strip = (t: Translations) => Object.fromEntries(Object.entries(t).map(([id, { from: _from, ...units }]) => [id, units as Record<string, string>]));
  return {
    series: strip(readTranslations(locale, 'series', root)),
    regularizations: strip(readTranslations(locale, 'regularizations', root)),
    rule_changes: strip(readTranslations(locale, 'rule_changes', root)),
  };
}
