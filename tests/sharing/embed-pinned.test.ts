/**
 * A pinned embed never changes after a new release. Two real releases are built with the pipeline
 * into a temporary folder: A from the curated data as it is, B from a copy that lacks Japan's latest
 * overstayer figure (every row of that series and period removed; nothing is invented), each frozen
 * by scripts/release.ts into a temporary releases folder. The pinned
 * route renders with prepareChart(spec, state, { dataDir: releaseDir(A) }) (see
 * src/pages/embed/v/[release]/[chart]/index.astro); that must give the same rows and the same SVG
 * before and after B is published and frozen, while the latest data (B) visibly changes.
 * The browser half (the pinned page's re-render reads only /releases/<id>/) is in tests/e2e/embed.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { runPipeline } from '../../scripts/pipeline.ts';
import { makeRelease } from '../../scripts/release.ts';
import { prepareChart } from '../../src/lib/charts/prepare-node.ts';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { frozenRelease, listReleases, releaseDir } from '../../src/lib/embed/releases.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
const saved = process.env.RELEASES_DIR;

/** Freezes a published folder with the project's own release script (data/releases/<id>/ layout). */
async function freeze(published: string, releases: string): Promise<string> {
  return (await makeRelease({ fromDir: published, releasesDir: releases, repoDir: ROOT, now: new Date('2026-11-23T12:00:00Z') })).id;
}

/** Copy of data/curated without Japan's latest overstayer figure. */
function curatedWithoutLatestJapan(dir: string): string {
  cpSync(path.join(ROOT, 'data/curated'), dir, { recursive: true });
  const file = path.join(dir, 'observations', 'japan-korea.csv');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  const jpn = parsed.data.filter((r) => r.series_id === 'jpn_overstayers' && /^\d{4}-\d{2}-\d{2}$/.test(r.period));
  const latest = jpn.map((r) => r.period).sort().at(-1)!;
  const kept = parsed.data.filter((r) => !(r.series_id === 'jpn_overstayers' && r.period === latest));
  writeFileSync(file, Papa.unparse(kept, { columns: parsed.meta.fields, newline: '\n' }) + '\n');
  return latest;
}

let A: string;
let B: string;
let dropped: string;
let before: Awaited<ReturnType<typeof prepareChart>>;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'embed-pinned-'));
  const releases = path.join(tmp, 'releases');
  process.env.RELEASES_DIR = releases;
  const common = { seriesDir: path.join(ROOT, 'data/series'), sources: [], releaseDate: '2026-11-23', repository: null, log: () => {} };
  await runPipeline({ ...common, curatedDir: path.join(ROOT, 'data/curated'), outDir: path.join(tmp, 'published-a') });
  A = await freeze(path.join(tmp, 'published-a'), releases);
  before = await prepareChart(spec, {}, { dataDir: releaseDir(A) });

  dropped = curatedWithoutLatestJapan(path.join(tmp, 'curated-b'));
  await runPipeline({ ...common, curatedDir: path.join(tmp, 'curated-b'), outDir: path.join(tmp, 'published-b') });
  B = await freeze(path.join(tmp, 'published-b'), releases);
}, 120_000);

afterAll(() => {
  if (saved === undefined) delete process.env.RELEASES_DIR;
  else process.env.RELEASES_DIR = saved;
  rmSync(tmp, { recursive: true, force: true });
});

describe('a pinned embed after a new release', () => {
  it('has two distinct frozen releases to pin', () => {
    expect(A).not.toBe(B);
    expect(listReleases().sort()).toEqual([A, B].sort());
    expect(frozenRelease(A).id).toBe(A);
  });

  it('the new release really changes the latest chart', async () => {
    const latest = await prepareChart(spec, {}, { dataDir: path.join(tmp, 'published-b') });
    const japan = (rows: typeof before.rows) => rows.data.filter((r) => r.series_id === 'jpn_overstayers').map((r) => r.period);
    expect(japan(before.rows)).toContain(dropped);
    expect(japan(latest.rows)).not.toContain(dropped);
    expect(latest.svg.wide).not.toEqual(before.svg.wide);
  });

  it('shows the same rows, drawing and summary as before the new release', async () => {
    const after = await prepareChart(spec, {}, { dataDir: releaseDir(A) });
    expect(after.rows).toEqual(before.rows);
    expect(after.svg).toEqual(before.svg);
    expect(after.summary).toEqual(before.summary);
  });

  it('also for a non-default view', async () => {
    const state = { countries: ['JPN'], scale: 'log', from: 2000 };
    const pinned = await prepareChart(spec, state, { dataDir: releaseDir(A) });
    expect(pinned.rows.data.some((r) => r.period === dropped)).toBe(true);
  });
});
