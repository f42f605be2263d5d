/**
 * Hostile translation files (data/i18n/<locale>/<table>.yml) stop the build with the file and the
 * reason: a YAML tag, an alias, a value that is not text, a control character, a symlink, the same
 * record in two files.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTranslations } from '../../src/lib/i18n/data-text-files.ts';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'i18n-'));
  mkdirSync(path.join(root, 'data/i18n/ja'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'data/i18n/ja', name), text);
  return root;
}

describe('reading translation files', () => {
  it('reads a good file and its parts', () => {
    const root = repo({ 'series.yml': 'a:\n  from: "1"\n  title: 題\n', 'series.extra.yml': 'b:\n  from: "2"\n  title: 二\n' });
    expect(Object.keys(readTranslations('ja', 'series', root)).sort()).toEqual(['a', 'b']);
  });
  it.each([
    ['a YAML tag', 'a:\n  title: !!js/function "x"\n', /series\.yml/],
    ['an alias', 'a: &x\n  title: t\nb: *x\n', /series\.yml/],
    ['a value that is not text', 'a:\n  title: 12\n', /a\.title is not text/],
    ['a control character', 'a:\n  title: "bad\\u0007"\n', /control character/],
  ])('refuses %s, naming the file', (_what, text, message) => {
    const root = repo({ 'series.yml': text });
    expect(() => readTranslations('ja', 'series', root)).toThrow(message);
  });
  it('refuses a symlink and a record translated twice', () => {
    const linked = repo({});
    symlinkSync('/etc/hostname', path.join(linked, 'data/i18n/ja/series.yml'));
    expect(() => readTranslations('ja', 'series', linked)).toThrow(/not a regular file/);
    const twice = repo({ 'series.yml': 'a:\n  title: x\n', 'series.more.yml': 'a:\n  title: y\n' });
    expect(() => readTranslations('ja', 'series', twice)).toThrow(/another series file/);
  });
});
