/**
 * Writes one publication (public/data): the six tables as Parquet + CSV, the metadata built from
 * them, release.json and the whole-release zip — all inside a temporary folder that is swapped in
 * only after every check passed (scripts/lib/publish.ts). Two callers:
 *
 * - the ETL (scripts/pipeline.ts), from validated rows;
 * - the site's data step without raw inputs (scripts/site-data.ts), from a frozen release's Parquet.
 *
 * Release identity: when the CSVs written here are byte-for-byte those of a frozen release in
 * data/releases/, the publication takes that release's id and date, so a fresh build of the same
 * content is that release (pinning and citations name a release that exists). Otherwise the id is
 * `<today>-<8 hex of sha256 over the CSVs>`.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Series, Source, type Observation, type TableName } from '../../src/lib/schema.ts';
import { coverageCsv, coverageMatrix } from './coverage.ts';
import { packageArchive } from '../package-archive.ts';
import { buildCitation, buildCodebook, buildDatapackage, buildDictionary, type ReleaseInfo } from './codebook.ts';
import { inspectCsv, inspectParquet, openDuckDB, readTableRows, writeTable, writeTableFromParquet } from './duckdb-writer.ts';
import { publishAtomically } from './publish.ts';
import { csvDigest, hashFiles, releaseId, type HashedFile } from './release.ts';
import { JSON_COLUMNS, TABLE_ORDER, publishedColumns } from '../../src/lib/contract/tables.ts';

/** Where each table comes from: validated rows (JSON columns already as text) or a Parquet file. */
export type TableInput = { rows: Record<string, unknown>[] } | { parquet: string };

export interface PublicationInput {
  outDir: string;
  tables: Record<TableName, TableInput>;
  /** Release date (YYYY-MM-DD) when the content matches no frozen release. */
  created: string;
  /** Frozen releases (data/releases); a release with the same CSVs lends its id and date. */
  releasesDir: string | null;
  repository: string | null;
  /** Rows per source module, recorded in release.json (empty when restored from a release). */
  sourceStats: { id: string; rows: number }[];
  generatedBy: string;
  /** Publish under this frozen release's id and date whatever the CSV bytes (a restore of it). */
  asRelease?: { release_id: string; created: string };
  timings?: Record<string, number>;
}

export interface PublicationResult {
  id: string;
  created: string;
  /** The frozen release this publication is identical to, if any. */
  matchedRelease: string | null;
  rowCounts: Record<TableName, number>;
  seriesRowCounts: Record<string, number>;
  files: Record<string, HashedFile>;
  archive: { name: string; bytes: number };
}

export interface FrozenManifest {
  release_id: string;
  created: string;
  files: Record<string, HashedFile>;
}

/** Frozen releases whose manifest lists the same sha256 for every table's CSV. */
export async function findIdenticalRelease(releasesDir: string | null, csvFiles: Record<string, HashedFile>): Promise<FrozenManifest | null> {
  if (!releasesDir) return null;
  let names: string[];
  try {
    names = (await readdir(releasesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return null;
  }
  for (const name of names.sort().reverse()) {
    let manifest: FrozenManifest;
    try {
      manifest = JSON.parse(await readFile(join(releasesDir, name, 'release.json'), 'utf8')) as FrozenManifest;
    } catch {
      continue;
    }
    const same = TABLE_ORDER.every((t) => manifest.files?.[`${t}.csv`]?.sha256 === csvFiles[`${t}.csv`]?.sha256);
    if (same) return manifest;
  }
  return null;
}

/** Series rows as the codebook wants them (JSON text columns parsed back, checked by the schema). */
function seriesFromRows(rows: Record<string, unknown>[]): Series[] {
  const json = JSON_COLUMNS.series ?? {};
  return rows.map((r) => {
    const row: Record<string, unknown> = { ...r };
    for (const [field, column] of Object.entries(json)) {
      row[field] = typeof row[column] === 'string' ? JSON.parse(row[column] as string) : row[column];
      delete row[column];
    }
    return Series.parse(row);
  });
}

const elapsed = (timings: Record<string, number> | undefined, step: string, t: number) => {
  if (timings) timings[step] = performance.now() - t;
};

export async function writePublication(input: PublicationInput): Promise<PublicationResult> {
  const { timings } = input;
  return publishAtomically(input.outDir, async (tmp) => {
    let t = performance.now();
    const db = await openDuckDB();
    const rowCounts = {} as Record<TableName, number>;
    let series: Series[];
    let sources: Source[];
    let counted: Record<string, number>;
    let observationRows: Observation[];
    try {
      for (const table of TABLE_ORDER) {
        const src = input.tables[table];
        const written = 'rows' in src ? await writeTable(db.conn, tmp, table, src.rows) : await writeTableFromParquet(db.conn, tmp, table, src.parquet);
        rowCounts[table] = written.rows;
      }
      series = seriesFromRows(await readTableRows(db.conn, 'series'));
      sources = (await readTableRows(db.conn, 'sources')).map((r) => Source.parse(r));
      observationRows = (await readTableRows(db.conn, 'observations')) as unknown as Observation[];
      const perSeries = await db.conn.runAndReadAll('SELECT series_id, count(*)::INTEGER AS n FROM observations GROUP BY 1');
      counted = Object.fromEntries(perSeries.getRowObjectsJson().map((r) => [String(r.series_id), Number(r.n)]));
    } finally {
      db.close();
    }
    const seriesRowCounts = Object.fromEntries(series.map((s) => [s.series_id, counted[s.series_id] ?? 0]));
    elapsed(timings, 'write', t);

    t = performance.now();
    await checkWritten(tmp, rowCounts);
    elapsed(timings, 'check', t);

    t = performance.now();
    const dataFiles = await hashFiles(tmp);
    const frozen = input.asRelease ?? (await findIdenticalRelease(input.releasesDir, dataFiles));
    const created = frozen?.created ?? input.created;
    const id = frozen?.release_id ?? releaseId(created, await csvDigest(tmp, TABLE_ORDER));
    const release: ReleaseInfo = { id, created, rowCounts };
    await writeFile(join(tmp, 'datapackage.json'), `${JSON.stringify(buildDatapackage(release, sources, dataFiles), null, 2)}\n`);
    const cb = { release, series, seriesRowCounts };
    await writeFile(join(tmp, 'codebook.json'), `${JSON.stringify(buildCodebook(cb), null, 2)}\n`);
    await writeFile(join(tmp, 'DICTIONARY.md'), buildDictionary(cb));
    await writeFile(join(tmp, 'CITATION.cff'), buildCitation(release, input.repository));
    // Coverage matrix, series × country × year (scripts/lib/coverage.ts).
    await writeFile(join(tmp, 'coverage.csv'), coverageCsv(coverageMatrix(observationRows)));
    // Data files were hashed above; only the metadata files written since need hashing.
    const files = { ...dataFiles, ...(await hashFiles(tmp, ['release.json', ...Object.keys(dataFiles)])) };
    const manifest = (all: Record<string, HashedFile>) => ({
      generated_by: `${input.generatedBy} (generated file: do not edit by hand)`,
      release_id: id,
      created,
      release_id_basis: `first 8 hex of sha256 over ${TABLE_ORDER.map((tb) => `${tb}.csv`).join(' + ')} (bytes concatenated in this order); a publication identical to a frozen release keeps that release's id`,
      row_counts: rowCounts,
      series_row_counts: seriesRowCounts,
      sources: input.sourceStats,
      files: Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1))),
    });
    // The archive holds release.json as it stands before the archive exists (a file cannot list
    // its own hash); the published release.json then adds the archive's size and hash.
    await writeFile(join(tmp, 'release.json'), `${JSON.stringify(manifest(files), null, 2)}\n`);
    const archive = await packageArchive(tmp);
    const withArchive = { ...files, ...(await hashFiles(tmp, Object.keys(files).concat('release.json'))) };
    await writeFile(join(tmp, 'release.json'), `${JSON.stringify(manifest(withArchive), null, 2)}\n`);
    elapsed(timings, 'metadata', t);
    return {
      id,
      created,
      matchedRelease: frozen?.release_id ?? null,
      rowCounts,
      seriesRowCounts,
      files: withArchive,
      archive: { name: archive.name, bytes: archive.bytes },
    };
  });
}

/** DuckDB re-reads every Parquet file; both files of a table must hold the expected rows and columns. */
async function checkWritten(dir: string, rowCounts: Record<TableName, number>) {
  const db = await openDuckDB();
  try {
    for (const table of TABLE_ORDER) {
      const cols = publishedColumns(table);
      const pq = await inspectParquet(db.conn, join(dir, `${table}.parquet`));
      if (pq.rows !== rowCounts[table]) throw new Error(`check failed: ${table}.parquet has ${pq.rows} rows, expected ${rowCounts[table]}`);
      const names = pq.columns.map((c) => c.name).join(',');
      if (names !== cols.map((c) => c.name).join(',')) throw new Error(`check failed: ${table}.parquet columns ${names}`);
      pq.columns.forEach((c, i) => {
        if (c.type !== cols[i].sql) throw new Error(`check failed: ${table}.parquet column ${c.name} is ${c.type}, expected ${cols[i].sql}`);
      });
      // DuckDB's strict CSV reader: the header must be our columns and every row must parse.
      const csv = await inspectCsv(db.conn, join(dir, `${table}.csv`));
      if (csv.columns.join(',') !== cols.map((c) => c.name).join(',')) throw new Error(`check failed: ${table}.csv header ${csv.columns.join(',')}`);
      if (csv.rows !== rowCounts[table]) throw new Error(`check failed: ${table}.csv has ${csv.rows} rows, expected ${rowCounts[table]}`);
    }
  } finally {
    db.close();
  }
}
