/**
 * The ETL reproduces the latest committed release: with the raw inputs present, the whole
 * pipeline (data/curated, data/series, every source module on the raw snapshot) runs into a temp
 * folder, and its tables must be byte-for-byte those of data/releases/<latest>. A difference
 * fails with the per-series diff and the command that freezes the new content.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELEASES_DIR, runPipeline } from '../../scripts/pipeline.ts';
import { diffReleases } from '../../scripts/release.ts';
import { makeTempDir } from '../fixtures/pipeline/helpers.ts';
import { missingInputs } from './real-inputs.ts';

const skipReason = missingInputs({ raw: true });
let base: string | undefined;

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe.skipIf(skipReason !== null)('the ETL reproduces the latest committed release', () => {
  it('same tables, so the same release id', async () => {
    const index = JSON.parse(await readFile(join(RELEASES_DIR, 'index.json'), 'utf8')) as { latest: string };
    base = await makeTempDir('atlas-reproduce-');
    const outDir = join(base, 'data');
    const result = await runPipeline({ outDir, releasesDir: RELEASES_DIR, releaseDate: new Date().toISOString().slice(0, 10) });
    if (result.matchedRelease !== index.latest) {
      const diff = await diffReleases(join(RELEASES_DIR, index.latest), outDir, index.latest);
      const lines = Object.entries(diff.series).map(([id, c]) => `  ${id}: +${c.added} ~${c.changed} -${c.removed}`);
      const tables = Object.entries(diff.tables).map(([t, c]) => `  ${t}: +${c.added} ~${c.changed} -${c.removed}`);
      expect.fail(
        [
          `The ETL output differs from the latest committed release ${index.latest}` +
            (result.matchedRelease ? ` (it equals the older release ${result.matchedRelease})` : '') + '.',
          'Per table:',
          ...tables,
          'Per series (observations added ~changed removed):',
          ...(lines.length ? lines : ['  (no observation differs: the change is in another table or in how a CSV is written)']),
          'If the change is intended, freeze it: `npm run data && npm run release`, and commit data/releases/.',
        ].join('\n'),
      );
    }
    expect(result.releaseId).toBe(index.latest);
  });
});

if (skipReason !== null) {
  describe('the ETL reproduces the latest committed release', () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
