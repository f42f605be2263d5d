/**
 * The data pipeline: curated tables + machine-readable source modules → validated, normalized
 * tables in public/data (Parquet + CSV + datapackage.json + codebook + dictionary + citation +
 * release manifest), published atomically.
 *
 *   npm run data            (tsx scripts/pipeline.ts)
 *
 * A bad input stops the run with `file:line [column]: reason` and exit code 1; the previous
 * publication stays exactly as it was.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Observation, Series, TableName } from '../src/lib/schema.ts';
import { displayPath, loadCurated, type CuratedObservation, type Located } from './lib/curated.ts';
import { InputError } from './lib/errors.ts';
import { todayIso } from './lib/periods.ts';
import { writePublication, type TableInput } from './lib/publication.ts';
import { parseRow } from './lib/row-schema.ts';
import { JSON_COLUMNS, TABLE_ORDER } from '../src/lib/contract/tables.ts';
import { PUBLISHED_DATA_PATH, RELEASES_PATH } from '../src/lib/contract/release.ts';
import type { SourceModule, SourceObservation } from './lib/types.ts';
import { validateAll } from './lib/validate.ts';
import { checkJumps, checkQuality } from './lib/series-rules.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RELEASES_DIR = join(REPO_ROOT, RELEASES_PATH);

/** Raw snapshots live outside the repo (never committed); EUROSTAT_RAW_DIR points elsewhere (as in scripts/lib/eurostat/fetch.ts). */
export const defaultRawDir = () => resolve(process.env.EUROSTAT_RAW_DIR?.trim() || resolve(REPO_ROOT, '../shared/data/raw'));

export interface PipelineOptions {
  curatedDir?: string;
  seriesDir?: string;
  rawDir?: string;
  outDir?: string;
  /** Source modules; default: the array exported by scripts/sources/index.ts. */
  sources?: SourceModule[];
  /** Release date (YYYY-MM-DD), default today (UTC). Also "today" for the future-period rule. */
  releaseDate?: string;
  /** Frozen releases whose id an identical publication reuses; default data/releases, null: none. */
  releasesDir?: string | null;
  /** Repository URL for CITATION.cff; default: package.json `repository`. */
  repository?: string | null;
  log?: (line: string) => void;
}

export interface SourceStat {
  id: string;
  rows: number;
  ms: number;
}

export interface PipelineResult {
  releaseId: string;
  created: string;
  outDir: string;
  rowCounts: Record<TableName, number>;
  seriesRowCounts: Record<string, number>;
  sources: SourceStat[];
  /** Milliseconds per step, plus `total`. */
  timings: Record<string, number>;
  files: Record<string, { bytes: number; sha256: string }>;
  /** The frozen release (data/releases) this publication is identical to, if any. */
  matchedRelease: string | null;
  archive: { name: string; bytes: number };
}

async function exists(p: string) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** The modules exported by scripts/sources/index.ts (any exported array of {id, load}). */
export async function loadSourceModules(): Promise<SourceModule[]> {
  const index = join(REPO_ROOT, 'scripts/sources/index.ts');
  if (!(await exists(index))) return [];
  const mod = (await import(pathToFileURL(index).href)) as Record<string, unknown>;
  // `sources` is the documented export; any other exported array of modules is accepted as a fallback.
  const isModule = (m: unknown): m is SourceModule =>
    !!m && typeof m === 'object' && typeof (m as SourceModule).id === 'string' && typeof (m as SourceModule).load === 'function';
  for (const value of [mod.sources, mod.default, ...Object.values(mod)]) {
    if (Array.isArray(value) && value.every(isModule)) return value;
  }
  throw new Error('scripts/sources/index.ts must export an array of SourceModule');
}

export async function repositoryFromPackage(): Promise<string | null> {
  try {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    return typeof repo === 'string' ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : null;
  } catch {
    return null;
  }
}

/** Validate one module's rows with the same row schema as curated files. */
function checkModuleRows(mod: SourceModule, rows: SourceObservation[]): Located<CuratedObservation>[] {
  if (!Array.isArray(rows)) throw new InputError(`scripts/sources/${mod.id}`, 0, null, 'load() did not return an array of rows');
  return rows.map((r) => {
    const origin = r.origin ?? { file: `source ${mod.id}`, line: 0 };
    try {
      // zod drops `origin` (not a schema field), so the row is parsed as it comes.
      const row = parseRow<CuratedObservation>('observations', r as unknown as Record<string, unknown>, origin.file, origin.line);
      return { row, file: origin.file, line: origin.line };
    } catch (err) {
      // JSON inputs have no line; say where in the document the value came from.
      if (err instanceof InputError && origin.path) {
        throw new InputError(err.file, err.line, err.column, `${err.reason} (at ${origin.path})`);
      }
      throw err;
    }
  });
}

export async function runPipeline(opts: PipelineOptions = {}): Promise<PipelineResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const log = opts.log ?? (() => {});
  const curatedDir = opts.curatedDir ? resolve(opts.curatedDir) : join(REPO_ROOT, 'data/curated');
  const seriesDir = opts.seriesDir ? resolve(opts.seriesDir) : join(REPO_ROOT, 'data/series');
  const outDir = opts.outDir ? resolve(opts.outDir) : join(REPO_ROOT, PUBLISHED_DATA_PATH);
  const rawDir = opts.rawDir ? resolve(opts.rawDir) : defaultRawDir();
  const created = opts.releaseDate ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(created)) throw new Error(`releaseDate must be YYYY-MM-DD, got ${created}`);

  let t = performance.now();
  const curated = await loadCurated(curatedDir, seriesDir);
  timings.read_curated = performance.now() - t;
  log(`read ${curated.files.length} curated files: ${curated.observations.length} observations, ${curated.sources.length} sources, ${curated.series.length} series`);

  // --- source modules --------------------------------------------------------------------
  const modules = opts.sources ?? (await loadSourceModules());
  const sourceIds = new Set(curated.sources.map((s) => s.row.source_id));
  const sourceStats: SourceStat[] = [];
  const moduleRows: Located<CuratedObservation>[] = [];
  for (const mod of modules) {
    if (!sourceIds.has(mod.id)) {
      throw new InputError(`scripts/sources/${mod.id}.ts`, 0, 'id', `source module "${mod.id}" has no row in data/curated/sources/*.csv`);
    }
    t = performance.now();
    const rows = await mod.load({ rawDir });
    const checked = checkModuleRows(mod, rows);
    const ms = performance.now() - t;
    sourceStats.push({ id: mod.id, rows: checked.length, ms });
    timings[`source:${mod.id}`] = ms;
    for (const r of checked) moduleRows.push(r); // push(...rows) overflows the stack on millions of rows
    log(`source ${mod.id}: ${checked.length} rows in ${ms.toFixed(0)} ms`);
  }

  // --- validation ------------------------------------------------------------------------
  t = performance.now();
  const { observations } = validateAll(curated, [...curated.observations, ...moduleRows], { today: created });
  // Series-level rules of issue 15 (quality grades, explained jumps): scripts/lib/series-rules.ts.
  checkQuality(curated.series, observations);
  checkJumps(curated.series, observations);
  timings.validate = performance.now() - t;

  const seriesRows: Series[] = curated.series.map((s) => s.row);
  const rows: Record<TableName, Record<string, unknown>[]> = {
    observations: observations.map((o) => o.row as Observation as unknown as Record<string, unknown>),
    series: seriesRows.map((s) => {
      const row: Record<string, unknown> = { ...s };
      for (const [field, column] of Object.entries(JSON_COLUMNS.series ?? {})) {
        row[column] = row[field] === null || row[field] === undefined ? null : JSON.stringify(row[field]);
        delete row[field];
      }
      return row;
    }),
    regularizations: curated.regularizations.map((r) => r.row as unknown as Record<string, unknown>),
    rule_changes: curated.rule_changes.map((r) => r.row as unknown as Record<string, unknown>),
    sources: curated.sources.map((r) => r.row as unknown as Record<string, unknown>),
    countries: curated.countries.map((r) => r.row as unknown as Record<string, unknown>),
  };

  // --- write, check, publish (zip included) -------------------------------------------------
  const published = await writePublication({
    outDir,
    tables: Object.fromEntries(TABLE_ORDER.map((tb) => [tb, { rows: rows[tb] }])) as Record<TableName, TableInput>,
    created,
    releasesDir: opts.releasesDir === undefined ? RELEASES_DIR : opts.releasesDir,
    repository: opts.repository === undefined ? await repositoryFromPackage() : opts.repository,
    sourceStats: sourceStats.map((s) => ({ id: s.id, rows: s.rows })),
    generatedBy: 'scripts/pipeline.ts',
    timings,
  });
  timings.total = performance.now() - t0;
  log(
    `published ${published.id} to ${displayPath(outDir)}` +
      (published.matchedRelease ? ' (identical to the frozen release of that id)' : ' (content differs from every frozen release: `npm run release` freezes it)'),
  );
  return {
    releaseId: published.id,
    created: published.created,
    matchedRelease: published.matchedRelease,
    outDir,
    rowCounts: published.rowCounts,
    seriesRowCounts: published.seriesRowCounts,
    sources: sourceStats,
    timings,
    files: published.files,
    archive: published.archive,
  };
}

function formatMs(ms: number) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** `--out dir`, `--curated dir`, `--series dir`, `--raw dir`, `--date YYYY-MM-DD` override the defaults. */
function cliOptions(argv: string[]): PipelineOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { outDir: get('out'), curatedDir: get('curated'), seriesDir: get('series'), rawDir: get('raw'), releaseDate: get('date') };
}

async function main() {
  try {
    const result = await runPipeline({ ...cliOptions(process.argv.slice(2)), log: (l) => console.log(l) });
    console.log('');
    console.log('source'.padEnd(36), 'rows'.padStart(8), 'time'.padStart(10));
    for (const s of result.sources) console.log(s.id.padEnd(36), String(s.rows).padStart(8), formatMs(s.ms).padStart(10));
    console.log('');
    console.log('table'.padEnd(36), 'rows'.padStart(8));
    for (const [table, n] of Object.entries(result.rowCounts)) console.log(table.padEnd(36), String(n).padStart(8));
    console.log('');
    for (const [step, ms] of Object.entries(result.timings)) if (!step.startsWith('source:')) console.log(`${step.padEnd(36)} ${formatMs(ms).padStart(19)}`);
    console.log(`\nrelease ${result.releaseId}${result.matchedRelease ? ' (= frozen release)' : ''}`);
    console.log(`archive ${result.archive.name} (${(result.archive.bytes / 1024).toFixed(0)} KB)`);
  } catch (err) {
    if (err instanceof InputError) {
      console.error(err.message);
      console.error('Nothing was published; the previous publication is unchanged.');
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
