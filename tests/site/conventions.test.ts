/**
 * Convention tests: the path a newcomer follows to add a source or a chart (README, "Adding a
 * source") is checked here, so a missing piece fails CI instead of surprising a reader later.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sources } from '../../scripts/sources/index.ts';
import { CHARTS } from '../../src/lib/charts/registry.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function csvRows(dir: string): Record<string, string>[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.csv'))
    .flatMap((f) => Papa.parse<Record<string, string>>(read(`${dir}/${f}`), { header: true, skipEmptyLines: true }).data);
}

const sourceIds = new Set(csvRows('data/curated/sources').map((r) => r.source_id));
const seriesIds = new Set(
  readdirSync(path.join(ROOT, 'data/series'))
    .filter((f) => f.endsWith('.yml'))
    .flatMap((f) => (parseYaml(read(`data/series/${f}`)) as { series_id: string }[]).map((s) => s.series_id)),
);
const testText = readdirSync(path.join(ROOT, 'tests/etl'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => read(`tests/etl/${f}`))
  .join('\n');

describe('every source module', () => {
  const moduleFiles = readdirSync(path.join(ROOT, 'scripts/sources')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

  it('is registered in scripts/sources/index.ts', () => {
    expect(sources.map((s) => `${s.id}.ts`).sort()).toEqual(moduleFiles.sort());
  });

  for (const mod of sources) {
    describe(mod.id, () => {
      it('has a provenance file data/sources/<id>.yml with publisher, URL and licence', () => {
        const file = `data/sources/${mod.id}.yml`;
        expect(existsSync(path.join(ROOT, file)), file).toBe(true);
        const meta = parseYaml(read(file)) as Record<string, unknown>;
        const text = JSON.stringify(meta).toLowerCase();
        expect(text).toMatch(/eurostat|publisher/);
        expect(text).toMatch(/https?:\/\//);
        expect(text).toMatch(/licen[cs]e/);
      });

      it('has a source row that published values can point to', () => {
        expect(sourceIds.has(mod.id), mod.id).toBe(true);
      });

      it('has a docblock listing its quirks', () => {
        expect(read(`scripts/sources/${mod.id}.ts`).trimStart().startsWith('/**')).toBe(true);
      });

      it('is exercised by a golden test in tests/etl/', () => {
        expect(testText).toContain(`${mod.id}.ts`);
        expect(testText).toContain(`golden/${mod.id}.json`);
      });
    });
  }
});

describe('every chart spec', () => {
  for (const [id, load] of Object.entries(CHARTS)) {
    it(`${id}: names only series that exist`, async () => {
      const { spec } = await load();
      const text = read(`src/charts/${id}.ts`);
      // Series ids appear as string literals in the spec file; each must be a published series.
      const named = [...text.matchAll(/'([a-z]{2,}(?:_[a-z0-9]+)+)'/g)].map((m) => m[1]).filter((s) => seriesIds.has(s) || /^(jpn|kor|esp|ita|eurostat)_/.test(s));
      for (const s of named) expect(seriesIds.has(s), `${id} names unknown series ${s}`).toBe(true);
      expect(spec.id).toBe(id);
    });
  }
});
