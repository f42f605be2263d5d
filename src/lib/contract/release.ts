/**
 * Shapes of the release files, declared once for the ETL (scripts/) and the site (src/):
 * `public/data/release.json` (the publication's manifest) and `data/releases/index.json`
 * (the frozen releases, newest first). Browser-safe: types and constants only.
 */
import type { TableName } from '../schema.ts';

/** Where the publication is written and served, relative to the repository root. */
export const PUBLISHED_DATA_PATH = 'public/data';
/** Where frozen releases are kept, relative to the repository root. */
export const RELEASES_PATH = 'data/releases';

export interface HashedFileInfo {
  bytes: number;
  sha256: string;
}

/** `release.json` of a publication (and of each frozen release folder). */
export interface ReleaseManifest {
  generated_by?: string;
  release_id: string;
  /** Release date, YYYY-MM-DD. */
  created: string;
  release_id_basis?: string;
  row_counts: Record<TableName, number>;
  series_row_counts: Record<string, number>;
  files: Record<string, HashedFileInfo>;
}

export interface ChangeCount {
  added: number;
  changed: number;
  removed: number;
}

export interface TableDiff extends ChangeCount {
  /** Primary keys of the rows added / changed / removed (not listed for observations, nor for a first release). */
  added_ids?: string[];
  changed_ids?: string[];
  removed_ids?: string[];
  /** Columns the newer release has and the older lacks (a schema change), and the reverse. */
  columns_added?: string[];
  columns_removed?: string[];
}

export interface ReleaseDiff {
  /** Release compared against; null for the first release (every row counts as added). */
  previous: string | null;
  tables: Record<TableName, TableDiff>;
  /** Observation rows added / changed / removed, per series; series with no change are left out. */
  series: Record<string, ChangeCount>;
}

/** One frozen release, as `data/releases/index.json` lists it. */
export interface ReleaseEntry {
  id: string;
  /** Release date (YYYY-MM-DD): the publication's `created`. */
  date: string;
  /** When scripts/release.ts froze it. */
  frozen_at: string;
  /** Git commit of the repository the data was built from, when known. */
  source_commit: string | null;
  note: string | null;
  /** Path of the folder, relative to data/releases/. */
  path: string;
  files: Record<string, HashedFileInfo>;
  row_counts: Record<TableName, number>;
  series_row_counts: Record<string, number>;
  diff: ReleaseDiff;
}

export interface ReleaseIndex {
  generated_by: string;
  layout: string;
  latest: string | null;
  /** Newest first. */
  releases: ReleaseEntry[];
}

/** Release ids are path segments in URLs and folders: a safe alphabet only. */
export const SAFE_RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
