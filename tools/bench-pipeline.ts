/**
 * Benchmark of the data pipeline: whole run and each step/source, median of 3 runs, at 1×, 10×
 * and 100× the input.
 *
 *   npm run bench:pipeline [-- --scales 1,10,100 --runs 3 --fixture | --curated dir --series dir]
 *
 * The 10× and 100× inputs are SYNTHETIC: copies of the real observations (curated rows and
 * source-module rows) under renamed series ids `<series_id>_synthetic_<k>`, with matching
 * copies of the series definitions. They exist only in a temp folder for this benchmark and are
 * published nowhere (the output goes to a temp folder too, deleted afterwards).
 * Results: a table on stdout and bench/results/pipeline.json.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { defaultRawDir, loadSourceModules, runPipeline, type PipelineResult } from '../scripts/pipeline.ts';
import { curatedColumns } from '../src/lib/contract/tables.ts';
import type { SourceModule } from '../scripts/lib/types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const synthetic = (id: string, k: number) => `${id}_synthetic_${k}`;

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? '') : null;
}

interface Input {
  curatedDir: string;
  seriesDir: string;
  rawDir: string;
  sources: SourceModule[];
}

/** Copy the input to `dir`, adding factor−1 synthetic copies of every observation and series. */
async function scaledInput(base: Input, factor: number, dir: string): Promise<Input> {
  const curatedDir = join(dir, 'curated');
  const seriesDir = join(dir, 'series');
  await cp(base.curatedDir, curatedDir, { recursive: true });
  await mkdir(seriesDir, { recursive: true });
  if (factor > 1) {
    const obsDir = join(curatedDir, 'observations');
    for (const f of (await readdir(obsDir)).filter((n) => n.endsWith('.csv'))) {
      const parsed = Papa.parse<Record<string, string>>(await readFile(join(obsDir, f), 'utf8'), { header: true, skipEmptyLines: true });
      const rows = [];
      for (let k = 1; k < factor; k++) for (const r of parsed.data) rows.push({ ...r, series_id: synthetic(r.series_id, k) });
      await writeFile(join(obsDir, `zz-synthetic-${f}`), Papa.unparse(rows, { columns: curatedColumns('observations'), newline: '\n' }) + '\n');
    }
  }
  for (const f of (await readdir(base.seriesDir)).filter((n) => /\.ya?ml$/.test(n))) {
    const text = await readFile(join(base.seriesDir, f), 'utf8');
    await writeFile(join(seriesDir, f), text);
    if (factor > 1) {
      const list = parseYaml(text) as { series_id: string; title: string }[];
      const copies = [];
      for (let k = 1; k < factor; k++) {
        for (const s of list) copies.push({ ...s, series_id: synthetic(s.series_id, k), title: `SYNTHETIC BENCHMARK COPY ${k}: ${s.title}` });
      }
      await writeFile(join(seriesDir, `zz-synthetic-${f}`), stringifyYaml(copies, { aliasDuplicateObjects: false }));
    }
  }
  const sources = base.sources.map(
    (m): SourceModule => ({
      id: m.id,
      async load(opts) {
        const rows = await m.load(opts);
        if (factor === 1) return rows;
        const out = [...rows];
        for (let k = 1; k < factor; k++) for (const r of rows) out.push({ ...r, series_id: synthetic(r.series_id, k) });
        return out;
      },
    }),
  );
  return { curatedDir, seriesDir, rawDir: base.rawDir, sources };
}

interface BenchResult {
  scale: number;
  synthetic: boolean;
  observations: number;
  rows: PipelineResult['rowCounts'];
  median_ms: Record<string, number>;
  runs_ms: number[];
  sources: { id: string; rows: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const scales = (arg('scales') ?? '1,10,100').split(',').map(Number);
  const runs = Number(arg('runs') ?? 3);
  const useFixture = process.argv.includes('--fixture');
  const fixture = join(REPO, 'tests/fixtures/pipeline');
  const base: Input = useFixture
    ? {
        curatedDir: join(fixture, 'curated'),
        seriesDir: join(fixture, 'series'),
        rawDir: join(fixture, 'raw'),
        sources: [(await import('../tests/fixtures/pipeline/fixture-source.ts')).fixtureEurostatSource],
      }
    : {
        curatedDir: resolve(arg('curated') ?? join(REPO, 'data/curated')),
        seriesDir: resolve(arg('series') ?? join(REPO, 'data/series')),
        rawDir: defaultRawDir(),
        sources: await loadSourceModules(),
      };

  const work = await mkdtemp(join(tmpdir(), 'atlas-bench-'));
  const results: BenchResult[] = [];
  try {
    for (const factor of scales) {
      const input = await scaledInput(base, factor, join(work, `x${factor}`));
      const samples: PipelineResult[] = [];
      for (let i = 0; i < runs; i++) {
        const outDir = join(work, `out-x${factor}-${i}`);
        samples.push(await runPipeline({ ...input, outDir, repository: null }));
        await rm(outDir, { recursive: true, force: true });
        process.stderr.write(`  ${factor}× run ${i + 1}/${runs}: ${(samples[i].timings.total / 1000).toFixed(2)} s\n`);
      }
      const steps = Object.keys(samples[0].timings);
      results.push({
        scale: factor,
        synthetic: factor > 1,
        observations: samples[0].rowCounts.observations,
        rows: samples[0].rowCounts,
        median_ms: Object.fromEntries(steps.map((s) => [s, Math.round(median(samples.map((r) => r.timings[s])) * 10) / 10])),
        runs_ms: samples.map((r) => Math.round(r.timings.total)),
        sources: samples[0].sources.map((s) => ({ id: s.id, rows: s.rows })),
      });
      await rm(join(work, `x${factor}`), { recursive: true, force: true });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const steps = [...new Set(results.flatMap((r) => Object.keys(r.median_ms)))];
  const header = ['step (median ms)', ...results.map((r) => `${r.scale}×${r.synthetic ? ' (synthetic)' : ''}`)];
  const table = [
    header,
    ['observations', ...results.map((r) => String(r.observations))],
    ...steps.map((s) => [s, ...results.map((r) => (r.median_ms[s] === undefined ? '' : r.median_ms[s].toFixed(0)))]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));

  const out = {
    generated_by: 'tools/bench-pipeline.ts',
    date: new Date().toISOString(),
    input: useFixture ? 'tests/fixtures/pipeline' : `${base.curatedDir} + ${base.seriesDir} + source modules on the raw snapshot`,
    note: 'Scales above 1 are synthetic copies of the real observations under renamed series ids, for timing only; never published.',
    runs_per_scale: runs,
    machine: { node: process.version, platform: `${process.platform}-${process.arch}` },
    results,
  };
  await mkdir(join(REPO, 'bench/results'), { recursive: true });
  await writeFile(join(REPO, 'bench/results/pipeline.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwrote bench/results/pipeline.json');
}

await main();
