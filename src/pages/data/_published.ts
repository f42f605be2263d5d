/**
 * Build-time view of the publication for the data, codebook and changelog pages: release.json,
 * datapackage.json, codebook.json, the sizes of the files as they will be served, the archive of
 * scripts/package-archive.ts, and the frozen releases of data/releases/index.json.
 *
 * Node-only (files in pages/ that start with "_" are not routes).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Series, TableName } from '../../lib/schema.ts';
import { frozenReleases, publishedDataDir, publishedManifest, readPublishedJson } from '../../lib/contract/files.ts';
import type { ReleaseEntry, ReleaseManifest } from '../../lib/contract/release.ts';
import { TABLE_ORDER } from '../../lib/contract/tables.ts';

export type { ReleaseEntry, ReleaseManifest };

export const TABLES: TableName[] = TABLE_ORDER;
export const METADATA_FILES = ['datapackage.json', 'codebook.json', 'DICTIONARY.md', 'CITATION.cff', 'coverage.csv', 'release.json'] as const;

export interface CodebookColumn {
  name: string;
  type: string;
  nullable: boolean;
  description: string;
  unit?: string;
  values?: string[];
}
export interface CodebookTable {
  name: TableName;
  description: string;
  files: string[];
  rows: number;
  columns: CodebookColumn[];
}
/** A series as codebook.json lists it: the published `Series` fields plus its row count. */
export type CodebookSeries = Series & { rows: number };
export interface Codebook {
  release: string;
  created: string;
  tables: CodebookTable[];
  series: CodebookSeries[];
}

export function manifest(): ReleaseManifest {
  return publishedManifest();
}

export function codebook(): Codebook {
  return readPublishedJson('codebook.json');
}

export function datapackage(): { title: string; licenses: { name: string; title: string; path: string }[]; resources: { path: string; schema: { fields: { name: string }[] } }[] } {
  return readPublishedJson('datapackage.json');
}

/** Size of a published file as it will be served. */
export function fileBytes(name: string): number {
  const p = path.join(publishedDataDir(), name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run data\` first`);
  return statSync(p).size;
}

/** The whole-dataset archive written by scripts/package-archive.ts at the end of `npm run data`. */
export function archive(): { name: string; bytes: number } {
  const id = manifest().release_id;
  const name = `irregular-atlas-${id}.zip`;
  const p = path.join(publishedDataDir(), name);
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run data\` (or \`tsx scripts/package-archive.ts\`)`);
  return { name, bytes: statSync(p).size };
}

/** Frozen releases, newest first (empty before the first `npm run release`). */
export function releases(): ReleaseEntry[] {
  return frozenReleases();
}

export function formatBytes(n: number): string {
  if (n >= 1048576) return `${(n / 1048576).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The name a download is saved under: the release id before the extension (`observations_2026.11.23-92f589b1.csv`). */
export function savedName(file: string, releaseId: string): string {
  if (file.includes(releaseId)) return file;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)}_${releaseId}${file.slice(dot)}` : `${file}_${releaseId}`;
}
