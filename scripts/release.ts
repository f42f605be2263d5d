/**
 * Freezes the current publication (public/data) as a numbered data release, committed under
 * data/releases/<release_id>/, and records in data/releases/index.json what changed since the
 * previous release.
 *
 *   npm run release                         freeze public/data (run `npm run data` first)
 *   npm run release -- --note "text"        attach a one-line note to the release
 *   npm run release -- --from dir --releases dir --repo dir   (tests, or freezing another build)
 *
 * A release folder holds the six Parquet files, release.json (the pipeline's manifest, unchanged)
 * and datapackage.json (the pipeline's, reduced to the Parquet resources that are in the folder).
 * CSVs are not frozen: they are four times larger and are rebuilt exactly from the Parquet.
 * The layout is a contract with the pinned embeds and the changelog: see data/releases/README.md.
 *
 * The diff against the previous release is computed with DuckDB. Observations are matched on the
 * observation key plus source_id (schema.ts OBSERVATION_KEY); a few keys hold two rows from one
 * source (a preferred and an alternative vintage), so rows are paired in a stable order within
 * the key (preferred first, then by value). Other tables are matched on their primary key.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { OBSERVATION_KEY, type TableName } from '../src/lib/schema.ts';
import { PRIMARY_KEYS, TABLE_ORDER, publishedColumns } from '../src/lib/contract/tables.ts';
import { PUBLISHED_DATA_PATH, RELEASES_PATH, type ChangeCount, type ReleaseDiff, type ReleaseEntry, type ReleaseIndex, type ReleaseManifest, type TableDiff } from '../src/lib/contract/release.ts';

export type { ChangeCount, ReleaseDiff, ReleaseEntry, ReleaseIndex, TableDiff };

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Files of a release folder, besides nothing else (the embeds read exactly these). */
export const RELEASE_FILES = [...TABLE_ORDER.map((t) => `${t}.parquet`), 'release.json', 'datapackage.json'];

type PublishedManifest = ReleaseManifest;

const emptyIndex = (): ReleaseIndex => ({
  generated_by: 'scripts/release.ts (generated file: do not edit by hand)',
  layout: 'data/releases/<release_id>/{observations,series,regularizations,rule_changes,sources,countries}.parquet + release.json + datapackage.json',
  latest: null,
  releases: [],
});

export async function readIndex(releasesDir: string): Promise<ReleaseIndex> {
  try {
    return JSON.parse(await readFile(join(releasesDir, 'index.json'), 'utf8')) as ReleaseIndex;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyIndex();
    throw err;
  }
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const parquet = (dir: string, table: TableName) => `read_parquet(${lit(join(dir, `${table}.parquet`))})`;

async function rowsOf<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
}

/** An empty relation with the table's columns, standing in for "no previous release". */
function emptyRelation(table: TableName): string {
  const cols = publishedColumns(table).map((c) => `CAST(NULL AS ${c.sql}) AS ${q(c.name)}`);
  return `(SELECT ${cols.join(', ')} WHERE false)`;
}

/** Column names of a relation. */
async function columnsOf(conn: DuckDBConnection, rel: string): Promise<string[]> {
  return (await rowsOf<{ column_name: string }>(conn, `DESCRIBE SELECT * FROM ${rel}`)).map((r) => r.column_name);
}

/**
 * Columns compared between two releases: those both have. A column added or dropped by a schema
 * change is reported per table (columns_added / columns_removed), not as a change of every row.
 */
async function sharedColumns(conn: DuckDBConnection, prev: string, next: string) {
  const a = await columnsOf(conn, prev);
  const b = await columnsOf(conn, next);
  return { shared: b.filter((c) => a.includes(c)), added: b.filter((c) => !a.includes(c)), removed: a.filter((c) => !b.includes(c)) };
}

/** Observation diff per series. */
async function diffObservations(conn: DuckDBConnection, prev: string, next: string) {
  const key = [...OBSERVATION_KEY, 'source_id'];
  const keyCols = key.map(q).join(', ');
  // Pair duplicates of one key+source in a stable order, so they are compared one to one.
  const numbered = (rel: string) =>
    `SELECT *, row_number() OVER (PARTITION BY ${keyCols} ORDER BY is_preferred DESC, value, note NULLS FIRST) AS pair_no FROM ${rel}`;
  const compared = (await sharedColumns(conn, prev, next)).shared.filter((c) => !key.includes(c));
  const differs = compared.map((c) => `a.${q(c)} IS DISTINCT FROM b.${q(c)}`).join(' OR ');
  const join = [...key, 'pair_no'].map((k) => `a.${q(k)} IS NOT DISTINCT FROM b.${q(k)}`).join(' AND ');
  const rows = await rowsOf<{ series_id: string; added: string; changed: string; removed: string }>(
    conn,
    `
    WITH a AS (${numbered(prev)}), b AS (${numbered(next)})
    SELECT
      coalesce(b.series_id, a.series_id) AS series_id,
      count(*) FILTER (WHERE a.series_id IS NULL) AS added,
      count(*) FILTER (WHERE a.series_id IS NOT NULL AND b.series_id IS NOT NULL AND (${differs})) AS changed,
      count(*) FILTER (WHERE b.series_id IS NULL) AS removed
    FROM a FULL OUTER JOIN b ON ${join}
    GROUP BY 1
    ORDER BY 1`,
  );
  const series: Record<string, ChangeCount> = {};
  const total: ChangeCount = { added: 0, changed: 0, removed: 0 };
  for (const r of rows) {
    const c = { added: Number(r.added), changed: Number(r.changed), removed: Number(r.removed) };
    total.added += c.added;
    total.changed += c.changed;
    total.removed += c.removed;
    if (c.added || c.changed || c.removed) series[r.series_id] = c;
  }
  return { series, total };
}

/** Diff of a table keyed by its primary key: a row is changed when any column differs. */
async function diffKeyed(conn: DuckDBConnection, table: TableName, prev: string, next: string, listIds: boolean): Promise<TableDiff> {
  const key = PRIMARY_KEYS[table];
  const idExpr = (alias: string) => (key.length === 1 ? `CAST(${alias}.${q(key[0])} AS VARCHAR)` : `concat_ws('|', ${key.map((k) => `${alias}.${q(k)}`).join(', ')})`);
  const join = key.map((k) => `a.${q(k)} = b.${q(k)}`).join(' AND ');
  const cols = await sharedColumns(conn, prev, next);
  const differs = cols.shared.map((c) => `a.${q(c)} IS DISTINCT FROM b.${q(c)}`).join(' OR ');
  const rows = await rowsOf<{ id: string; kind: 'added' | 'changed' | 'removed' }>(
    conn,
    `
    SELECT coalesce(${idExpr('b')}, ${idExpr('a')}) AS id,
      CASE WHEN ${idExpr('a')} IS NULL THEN 'added' WHEN ${idExpr('b')} IS NULL THEN 'removed' ELSE 'changed' END AS kind
    FROM ${prev} a FULL OUTER JOIN ${next} b ON ${join}
    WHERE ${idExpr('a')} IS NULL OR ${idExpr('b')} IS NULL OR (${differs})
    ORDER BY 1`,
  );
  const diff: TableDiff = { added: 0, changed: 0, removed: 0 };
  if (cols.added.length) diff.columns_added = cols.added;
  if (cols.removed.length) diff.columns_removed = cols.removed;
  for (const kind of ['added', 'changed', 'removed'] as const) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.id);
    diff[kind] = ids.length;
    if (listIds && ids.length) diff[`${kind}_ids`] = ids;
  }
  return diff;
}

/** Differences between two publications (`prevDir` null: everything is new). */
export async function diffReleases(prevDir: string | null, nextDir: string, previousId: string | null): Promise<ReleaseDiff> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  try {
    const prevRel = (t: TableName) => (prevDir ? parquet(prevDir, t) : emptyRelation(t));
    const obs = await diffObservations(conn, prevRel('observations'), parquet(nextDir, 'observations'));
    const tables = {} as Record<TableName, TableDiff>;
    for (const t of TABLE_ORDER) {
      if (t === 'observations') {
        const cols = await sharedColumns(conn, prevRel(t), parquet(nextDir, t));
        tables[t] = { ...obs.total, ...(cols.added.length ? { columns_added: cols.added } : {}), ...(cols.removed.length ? { columns_removed: cols.removed } : {}) };
      } else {
        tables[t] = await diffKeyed(conn, t, prevRel(t), parquet(nextDir, t), prevDir !== null);
      }
    }
    return { previous: previousId, tables, series: obs.series };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const hashed = (bytes: string | Buffer) => ({ bytes: Buffer.byteLength(bytes), sha256: createHash('sha256').update(bytes).digest('hex') });

function git(repo: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The pipeline's datapackage, keeping only resources whose file is in the release folder. */
function frozenDatapackage(dp: { resources: { path: string }[] } & Record<string, unknown>, files: string[]) {
  return { ...dp, resources: dp.resources.filter((r) => files.includes(r.path)) };
}

export interface ReleaseOptions {
  fromDir?: string;
  releasesDir?: string;
  repoDir?: string;
  note?: string | null;
  now?: Date;
  log?: (line: string) => void;
}

export interface ReleaseResult {
  id: string;
  created: boolean;
  entry: ReleaseEntry;
  dir: string;
}

export async function makeRelease(opts: ReleaseOptions = {}): Promise<ReleaseResult> {
  const fromDir = resolve(opts.fromDir ?? join(REPO_ROOT, PUBLISHED_DATA_PATH));
  const releasesDir = resolve(opts.releasesDir ?? join(REPO_ROOT, RELEASES_PATH));
  const log = opts.log ?? (() => {});
  let manifest: PublishedManifest;
  try {
    manifest = JSON.parse(await readFile(join(fromDir, 'release.json'), 'utf8'));
  } catch {
    throw new Error(`${fromDir}/release.json not found: run \`npm run data\` first`);
  }
  const id = manifest.release_id;
  if (!/^\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}$/.test(id)) throw new Error(`unexpected release id "${id}" in ${fromDir}/release.json`);

  const index = await readIndex(releasesDir);
  const existing = index.releases.find((r) => r.id === id);
  const dir = join(releasesDir, id);
  if (existing) {
    log(`release ${id} already exists in ${releasesDir}; nothing to do`);
    return { id, created: false, entry: existing, dir };
  }

  // The previous release is the newest one in the index; its frozen Parquet is the baseline.
  const previous = index.releases[0] ?? null;
  const prevDir = previous ? join(releasesDir, previous.path) : null;
  const diff = await diffReleases(prevDir, fromDir, previous?.id ?? null);

  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files: ReleaseEntry['files'] = {};
  for (const table of TABLE_ORDER) {
    const name = `${table}.parquet`;
    const from = join(fromDir, name);
    const info = manifest.files[name];
    if (!info) throw new Error(`${name} is not listed in ${fromDir}/release.json`);
    if ((await stat(from)).size !== info.bytes) throw new Error(`${fromDir}/${name} does not match release.json (size differs): rerun \`npm run data\``);
    await copyFile(from, join(dir, name));
    files[name] = info;
  }
  await copyFile(join(fromDir, 'release.json'), join(dir, 'release.json'));
  const dp = JSON.parse(await readFile(join(fromDir, 'datapackage.json'), 'utf8'));
  const frozen = `${JSON.stringify(frozenDatapackage(dp, RELEASE_FILES), null, 2)}\n`;
  await writeFile(join(dir, 'datapackage.json'), frozen);
  files['datapackage.json'] = hashed(frozen);
  // release.json is hashed as copied (the manifest cannot list its own hash).
  files['release.json'] = hashed(await readFile(join(dir, 'release.json')));

  const entry: ReleaseEntry = {
    id,
    date: manifest.created,
    frozen_at: (opts.now ?? new Date()).toISOString(),
    source_commit: git(resolve(opts.repoDir ?? REPO_ROOT), ['rev-parse', 'HEAD']),
    note: opts.note ?? null,
    path: id,
    files,
    row_counts: manifest.row_counts,
    series_row_counts: manifest.series_row_counts,
    diff,
  };
  index.releases.unshift(entry);
  index.latest = id;
  await mkdir(releasesDir, { recursive: true });
  await writeFile(join(releasesDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  const t = diff.tables.observations;
  log(`release ${id}: ${t.added} observations added, ${t.changed} changed, ${t.removed} removed since ${previous?.id ?? 'nothing'}`);
  return { id, created: true, entry, dir };
}

function cliOptions(argv: string[]): ReleaseOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { fromDir: get('from'), releasesDir: get('releases'), repoDir: get('repo'), note: get('note') ?? null };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await makeRelease({ ...cliOptions(process.argv.slice(2)), log: (l) => console.log(l) });
  if (result.created) console.log(`frozen into ${result.dir}`);
}
