/**
 * Value lookup (src/lib/stories/values.ts) against the published tables, and every story file:
 * its frontmatter parses, each chart view is accepted by its chart, each cited key in the body
 * and each note's key is a published value, and each listed source exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCited, lookupValue } from '../../src/lib/stories/values.ts';
import { storyChartView, storyFiles } from '../../src/lib/stories/load.ts';
import { queryNode } from '../../src/lib/db/node.ts';

const published = existsSync(path.resolve(import.meta.dirname, '../../public/data/observations.parquet'));

describe.skipIf(!published)('value lookup (skipped: no public/data; run npm run data:site)', () => {
  it('returns the preferred total with its source and words', async () => {
    const v = await lookupValue('jpn_overstayers|JPN|1993-05-01');
    const [row] = await queryNode(`SELECT value, source_id FROM observations WHERE series_id = 'jpn_overstayers' AND period = '1993-05-01' AND is_preferred AND citizenship_code IS NULL AND sex IS NULL`);
    expect(v.value).toBe(row.value);
    expect(v.sourceId).toBe(row.source_id);
    expect(v.text).toBe(formatCited(row.value as number, 'persons'));
    expect(v.text).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(v.date).toBe('1993-05-01');
  });

  it('reads the preferred value of one breakdown, and running totals', async () => {
    const part = await lookupValue('jpn_titp_labour_inspections|JPN|2024|s=with_violations');
    const total = await lookupValue('jpn_titp_labour_inspections|JPN|2024');
    const [row] = await queryNode(
      `SELECT value FROM observations WHERE series_id = 'jpn_titp_labour_inspections' AND period = '2024' AND status = 'with_violations' AND is_preferred`,
    );
    expect(part.value).toBe(row.value);
    expect(part.value).toBeLessThan(total.value);
    const vnm = await lookupValue('jpn_technical_intern_missing|JPN|2024|c=VNM');
    expect(vnm.value).toBeLessThan((await lookupValue('jpn_technical_intern_missing|JPN|2024')).value);
    // A running total is cited only by asking for it, and its note sits in the middle of its window.
    await expect(lookupValue('jpn_titp_dispositions|JPN|2024-11|s=supervising_licence_revoked')).rejects.toThrow(/no preferred value of that breakdown/);
    const cum = await lookupValue('jpn_titp_dispositions|JPN|2024-11|cumulative|s=supervising_licence_revoked');
    expect(cum.date > '2018-01-01' && cum.date < '2024-11-30').toBe(true);
    // A half-year count is its own breakdown, not the year's total.
    await expect(lookupValue('jpn_technical_intern_missing|JPN|2017-H1')).rejects.toThrow(/matches no preferred total/);
    expect((await lookupValue('jpn_technical_intern_missing|JPN|2017-H1|s=first_half_year')).value).toBeGreaterThan(0);
  });

  it('reads regularization figures', async () => {
    const v = await lookupValue('reg|esp-2005-normalizacion|approvals');
    const [row] = await queryNode(`SELECT approvals FROM regularizations WHERE regularization_id = 'esp-2005-normalizacion'`);
    expect(v.value).toBe(row.approvals);
  });

  it('fails, naming the key and the release, when a value is not published', async () => {
    await expect(lookupValue('jpn_overstayers|JPN|1850-01-01')).rejects.toThrow(/cited value "jpn_overstayers\|JPN\|1850-01-01" matches no preferred total .*release/);
    await expect(lookupValue('reg|nowhere-1900-x|approvals')).rejects.toThrow(/names no regularization/);
    await expect(lookupValue('reg|esp-2011-arraigo|approvals')).rejects.toThrow(/has no approvals figure/);
  });

  it('formats units as a story prints them', () => {
    expect(formatCited(391000, 'persons')).toBe('391,000');
    expect(formatCited(391, 'thousand_persons')).toBe('391,000');
    expect(formatCited(12.5, 'percent')).toBe('12.5%');
  });
});

describe.skipIf(!published)('every story resolves against the published data', () => {
  const stories = storyFiles();
  it('has stories', () => expect(stories.length).toBeGreaterThanOrEqual(3));
  for (const s of stories) {
    it(`${s.slug}: charts, notes, cited values and sources exist`, async () => {
      for (const c of s.data.charts) {
        const view = await storyChartView(s, c);
        expect(view.spec.annotations?.length ?? 0).toBe(c.annotations.length);
        expect(s.body, `${s.file}: chart "${c.id}" is declared but not placed`).toContain(`<StoryChart id="${c.id}"`);
      }
      const keys = [...s.body.matchAll(/<V k="([^"]+)"/g)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(0);
      const noteKeys = s.data.charts.flatMap((c) => c.annotations.flatMap((a) => (a.type === 'note' && a.at ? [a.at] : [])));
      for (const k of [...keys, ...noteKeys]) {
        const v = await lookupValue(k);
        // The list at the end names every document a figure in the text or on a note comes from.
        expect(s.data.sources, `${s.file}: source of ${k}`).toContain(v.sourceId);
      }
      const ids = new Set((await queryNode('SELECT source_id FROM sources')).map((r) => r.source_id));
      for (const id of s.data.sources) expect(ids.has(id), `${s.file}: source ${id}`).toBe(true);
      expect(s.body, `${s.file}: a "what the data cannot tell" section`).toMatch(/## What the data cannot tell/);
    });
  }
});
