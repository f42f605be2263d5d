/**
 * Each domain rule has one home (src/lib/domain/): the preferred-total filter, the mid-period date,
 * the conversion of thousands to people, the core countries and their colours, and the enum labels.
 * These tests fail when a copy of one appears anywhere else in src/, and check that the rules
 * themselves hold (colours stable when countries are added).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignLineColors, CORE_COUNTRIES, COUNTRY_COLORS, countryColor, EXTRA_COLORS } from '../../src/lib/domain/countries.ts';
import { isPreferredTotal, midPeriodDate } from '../../src/lib/domain/rules.ts';
import { DIRECTION_KEY_PREFIX, DIRECTION_MARKS } from '../../src/lib/domain/labels.ts';
import { directionKeyItems } from '../../src/lib/charts/key.ts';
import { chartModulesFromDisk } from '../../src/lib/charts/registry-node.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|astro|js|mjs)$/.test(f) ? [p] : [];
  });
}
const sources = files(SRC).map((p) => ({ file: path.relative(ROOT, p), text: readFileSync(p, 'utf8') }));
const HOME = 'src/lib/domain/';
/** Text shown to readers as example SQL (the console teaches the rule by writing it out). */
const EXAMPLES = new Set(['src/lib/sql/examples.ts', 'src/pages/sql.astro']);

/** Patterns that write a rule out; allowed only in its home. */
const RULES: { rule: string; re: RegExp; home: string }[] = [
  // the mid-point of a period, in SQL or in JS
  { rule: 'mid-period date', re: /date_diff\(\s*'day'/i, home: `${HOME}rules.ts` },
  { rule: 'mid-period date', re: /\(\s*\+?\s*\w+\s*-\s*\+?\s*\w+\s*\)\s*\/\s*864e5\s*\/\s*2/, home: `${HOME}rules.ts` },
  // the preferred total: is_preferred combined with the breakdown filters
  { rule: 'preferred total', re: /is_preferred\s+AND\s+\w*\.?sex\s+IS\s+NULL/i, home: `${HOME}rules.ts` },
  { rule: 'preferred total', re: /is_preferred\s*&&\s*!\s*\w+\.sex/, home: `${HOME}rules.ts` },
  { rule: 'preferred total', re: /'Y15-64',\s*'Y15-74'/, home: `${HOME}rules.ts` },
  // people from thousands
  { rule: 'thousands to people', re: /thousand_persons'\s+THEN\s+1000/i, home: `${HOME}rules.ts` },
  // the core four, written as a list
  { rule: 'core countries', re: /'JPN',\s*'KOR',\s*'ESP',\s*'ITA'/, home: `${HOME}countries.ts` },
  // a country's colour written next to its code
  { rule: 'country colours', re: /\b(JPN|KOR|ESP|ITA)\s*:\s*\{?\s*(color\s*:\s*)?'#[0-9A-Fa-f]{6}'/, home: `${HOME}countries.ts` },
];

describe('domain rules have one home', () => {
  for (const { rule, re, home } of RULES) {
    it(`${rule} (${re.source}) is written only in ${home}`, () => {
      const outside = sources.filter((s) => s.file !== home && !EXAMPLES.has(s.file) && re.test(s.text)).map((s) => s.file);
      expect(outside, `${rule} restated outside ${home}`).toEqual([]);
    });
  }
});

describe('country colours', () => {
  it('the core countries have distinct colours that no other country gets', () => {
    const core = CORE_COUNTRIES.map((c) => COUNTRY_COLORS[c]);
    expect(new Set(core).size).toBe(core.length);
    for (const code of ['DEU', 'FRA', 'GRC', 'EU27_2020', 'USA', 'PHL']) expect(core).not.toContain(countryColor(code));
  });

  it('a country keeps its colour when other countries join a chart', () => {
    const alone = assignLineColors([{ line: 'a:JPN', country: 'JPN' }]);
    const crowded = assignLineColors([
      { line: 'x:DEU', country: 'DEU' },
      { line: 'b:JPN', country: 'JPN' },
      { line: 'a:JPN', country: 'JPN' },
      { line: 'c:ITA', country: 'ITA' },
      { line: 'd:KOR', country: 'KOR' },
    ]);
    expect(alone.get('a:JPN')).toBe(COUNTRY_COLORS.JPN);
    expect(crowded.get('b:JPN')).toBe(COUNTRY_COLORS.JPN);
    expect(crowded.get('c:ITA')).toBe(COUNTRY_COLORS.ITA);
    expect(crowded.get('d:KOR')).toBe(COUNTRY_COLORS.KOR);
    // the second Japanese line takes an extra hue, never another country's colour
    expect(EXTRA_COLORS).toContain(crowded.get('a:JPN'));
    expect(crowded.get('a:JPN')).not.toBe(crowded.get('x:DEU'));
  });
});

describe('rule-change directions', () => {
  it('are told apart by shape, each direction its own, never by a hue a country owns', async () => {
    const shapes = Object.values(DIRECTION_MARKS).map((m) => `${m.symbol}:${m.rotate}:${m.filled}`);
    expect(new Set(shapes).size).toBe(shapes.length);
    const hues = new Set<string>([...Object.values(COUNTRY_COLORS), ...EXTRA_COLORS].map((c) => c.toLowerCase()));
    for (const [id, load] of Object.entries(chartModulesFromDisk())) {
      const { spec } = await load();
      for (const [key, entry] of Object.entries(spec.palette ?? {}))
        if (key.startsWith(DIRECTION_KEY_PREFIX)) expect(hues.has(entry.color.toLowerCase()), `${id} ${key}`).toBe(false);
    }
    // the keys list one item per direction, each with its own symbol and no colour of its own
    const items = directionKeyItems();
    expect(items.map((i) => i.symbol)).toEqual(['triangle-down', 'diamond', 'triangle-up', 'hollow']);
    expect(items.every((i) => i.color === undefined)).toBe(true);
  });
});

describe('rules', () => {
  it('mid-period date: a stock sits at its date, a calendar year in its middle', () => {
    expect(midPeriodDate('2025-01-01', '2025-01-01')).toBe('2025-01-01');
    expect(midPeriodDate('2024-01-01', '2024-12-31')).toBe('2024-07-01');
  });
  it('preferred total: preferred, no sex or status breakdown, all ages or the working-age total band', () => {
    expect(isPreferredTotal({ is_preferred: true, sex: null, status: null, age: null })).toBe(true);
    expect(isPreferredTotal({ is_preferred: true, sex: null, status: null, age: 'Y15-64' })).toBe(true);
    expect(isPreferredTotal({ is_preferred: true, sex: 'F', status: null, age: null })).toBe(false);
    expect(isPreferredTotal({ is_preferred: false, sex: null, status: null, age: null })).toBe(false);
    expect(isPreferredTotal({ is_preferred: true, sex: null, status: null, age: 'Y20-64' })).toBe(false);
  });
});
