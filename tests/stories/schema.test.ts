/**
 * The story frontmatter schema (src/lib/stories/schema.ts) and the file parser: good frontmatter
 * passes, each kind of mistake fails with a message naming the file and the field.
 */
import { describe, expect, it } from 'vitest';
import { storySchema } from '../../src/lib/stories/schema.ts';
import { parseStory } from '../../src/lib/stories/load.ts';
import { strayNumbers } from '../../src/lib/stories/numbers.ts';
import { parseValueKey } from '../../src/lib/stories/keys.ts';

const chart = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  chart: 'series-lines',
  title: `Chart ${id}`,
  subtitle: 'A subtitle with a year, 2005, and no other figure.',
  view: { series: ['jpn_overstayers'] },
  ...extra,
});
const good = {
  title: 'A story',
  summary: 'What it shows.',
  countries: ['JPN'],
  date: '2026-12-06',
  order: 1,
  charts: [chart('a'), chart('b'), chart('c')],
  sources: ['some-source'],
};

describe('story frontmatter schema', () => {
  it('accepts a complete story and fills defaults', () => {
    const r = storySchema.parse(good);
    expect(r.charts[0].annotations).toEqual([]);
  });

  it('needs at least three charts', () => {
    const r = storySchema.safeParse({ ...good, charts: [chart('a'), chart('b')] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['charts']);
  });

  it('refuses a chart id used twice', () => {
    const r = storySchema.safeParse({ ...good, charts: [chart('a'), chart('a'), chart('c')] });
    expect(r.error?.issues.map((i) => i.message).join()).toMatch(/used twice/);
  });

  it('refuses typed figures in titles and notes, allows years', () => {
    expect(storySchema.safeParse({ ...good, title: 'Over 300,000 people' }).error?.issues[0].message).toMatch(/typed figure.*300,000/);
    expect(storySchema.safeParse({ ...good, summary: 'Seven estimators' }).success).toBe(false);
    const note = { type: 'note', date: '2005', text: 'Peak of 250000 people' };
    const r = storySchema.safeParse({ ...good, charts: [chart('a', { annotations: [note] }), chart('b'), chart('c')] });
    expect(r.error?.issues[0].path).toEqual(['charts', 0, 'annotations', 0, 'text']);
    expect(storySchema.safeParse({ ...good, title: 'Between 1990 and 2025' }).success).toBe(true);
  });

  it('pins a note by a value key or a date, not both, and checks the key', () => {
    const with_ = (a: Record<string, unknown>) => storySchema.safeParse({ ...good, charts: [chart('a', { annotations: [a] }), chart('b'), chart('c')] });
    expect(with_({ type: 'note', at: 'jpn_overstayers|JPN|1993-05-01', text: 'Peak' }).success).toBe(true);
    expect(with_({ type: 'note', at: 'jpn_overstayers|JPN|1993-05-01', date: '1993', text: 'Peak' }).success).toBe(false);
    expect(with_({ type: 'note', text: 'Nowhere' }).success).toBe(false);
    expect(with_({ type: 'note', at: 'not a key', text: 'Peak' }).success).toBe(false);
    expect(with_({ type: 'note', date: '1993', value: 5, text: 'typed value' }).success).toBe(false);
    expect(with_({ type: 'window', from: '2005-05', to: '2005-02', label: 'backwards' }).success).toBe(false);
    expect(with_({ type: 'highlight', series: 'jpn_overstayers' }).success).toBe(true);
  });

  it('refuses unknown fields and bad country codes', () => {
    expect(storySchema.safeParse({ ...good, author: 'x' }).success).toBe(false);
    expect(storySchema.safeParse({ ...good, countries: ['Japan'] }).success).toBe(false);
  });

  it('parseStory names the file and the field', () => {
    expect(() => parseStory('/x/src/content/stories/bad.mdx', 'no frontmatter')).toThrow(/bad\.mdx:1: a story starts with YAML frontmatter/);
    expect(() => parseStory('/x/bad.mdx', '---\ntitle: [\n---\n')).toThrow(/bad\.mdx: frontmatter is not valid YAML/);
    expect(() => parseStory('/x/bad.mdx', '---\ntitle: A\n---\nbody')).toThrow(/bad\.mdx: .*summary/);
  });
});

describe('typed numbers and value keys', () => {
  it('finds digits and number words that are not years', () => {
    expect(strayNumbers('In 2005 and 1990s, the first wave')).toEqual([]);
    expect(strayNumbers('about 350,000 people in 12 regions, two million')).toEqual(['350,000', '12', 'two', 'million']);
    expect(strayNumbers('3.5 percent in 2150')).toEqual(['3.5', '2150']);
  });

  it('parses both key shapes and rejects others', () => {
    expect(parseValueKey('jpn_overstayers|JPN|1993-05-01')).toEqual({ kind: 'observation', series: 'jpn_overstayers', country: 'JPN', period: '1993-05-01', valueKind: null, status: null, citizenship: null });
    // A breakdown: status and/or citizenship after the value kind.
    expect(parseValueKey('jpn_titp_labour_inspections|JPN|2024|s=with_violations')).toMatchObject({ valueKind: null, status: 'with_violations', citizenship: null });
    expect(parseValueKey('jpn_titp_dispositions|JPN|2024-11|cumulative|s=supervising_licence_revoked')).toMatchObject({ valueKind: 'cumulative', status: 'supervising_licence_revoked' });
    expect(parseValueKey('jpn_technical_intern_missing|JPN|2024|c=VNM')).toMatchObject({ status: null, citizenship: 'VNM' });
    expect(() => parseValueKey('jpn_technical_intern_missing|JPN|2024|c=VNM|s=construction')).toThrow(/malformed/);
    expect(() => parseValueKey('jpn_technical_intern_missing|JPN|2024|s=Construction')).toThrow(/malformed/);
    expect(parseValueKey('esp_irregular_estimate_porcausa|ESP|2024-04|estimate_low')).toMatchObject({ valueKind: 'estimate_low' });
    expect(parseValueKey('reg|esp-2005-normalizacion|approvals')).toEqual({ kind: 'regularization', id: 'esp-2005-normalizacion', field: 'approvals' });
    expect(() => parseValueKey('jpn_overstayers|JPN')).toThrow(/malformed/);
    expect(() => parseValueKey('reg|x|budget')).toThrow(/malformed/);
  });
});

describe('dates as YAML readers give them', () => {
  it('takes Date objects (Astro) and text (yaml) alike', () => {
    const win = (from: unknown, to: unknown) => ({ type: 'window', from, to, label: 'Window' });
    const r = storySchema.parse({
      ...good,
      date: new Date('2026-12-06T00:00:00Z'),
      charts: [chart('a', { annotations: [win(new Date('2005-02-07T00:00:00Z'), '2005-05-07')] }), chart('b', { annotations: [win(2003, '2004')] }), chart('c')],
    });
    expect(r.date).toBe('2026-12-06');
    expect(r.charts[0].annotations[0]).toMatchObject({ from: '2005-02-07', to: '2005-05-07' });
    expect(r.charts[1].annotations[0]).toMatchObject({ from: '2003', to: '2004' });
  });
});
