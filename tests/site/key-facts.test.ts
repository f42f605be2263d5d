/**
 * Home-page key figures: every figure shown is a published value of the source it names.
 * Runs on public/data (npm test builds it before vitest).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queryNode } from '../../src/lib/db/node.ts';
import { keyFacts } from '../../src/lib/page-data/key-facts.ts';

const published = existsSync('public/data/observations.parquet');

describe.skipIf(!published)('key facts', () => {
  it('shows at least five figures, each a published value of the source it cites', async () => {
    const facts = await keyFacts();
    expect(facts.length).toBeGreaterThanOrEqual(5);
    for (const f of facts) {
      const value = Number(f.figure.replace(/,/g, ''));
      expect(Number.isFinite(value), f.id).toBe(true);
      const [hit] = await queryNode(`
        SELECT count(*)::INTEGER AS n FROM (
          SELECT value, source_id FROM observations
          UNION ALL SELECT approvals::DOUBLE, source_id FROM regularizations
        ) WHERE value = ${value} AND source_id = '${f.source.source_id}'`);
      expect(hit.n, `${f.id}: ${f.figure} from ${f.source.source_id}`).toBeGreaterThan(0);
      expect(f.source.url).toMatch(/^https?:\/\//);
    }
  });

  it("names Japan's latest overstayer count and its 1993 peak", async () => {
    const jp = (await keyFacts()).find((f) => f.id === 'jpn-overstayers');
    expect(jp?.text).toContain('298,646');
    expect(jp?.caveat).toMatch(/entered illegally/);
  });
});
