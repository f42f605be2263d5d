/**
 * Frozen data releases, read at build time for pinned embeds (`/embed/v/<release>/<chart>/`).
 *
 * scripts/release.ts freezes public/data into `data/releases/<release_id>/` (the six Parquet tables,
 * release.json, datapackage.json) and lists it in `data/releases/index.json`;
 * tools/copy-releases.ts copies the folders to `public/releases/<release_id>/`, where a pinned
 * embed's browser re-render reads them. A pinned page is rendered from those frozen files only,
 * never from public/data, so a later release cannot change it.
 *
 * RELEASES_DIR overrides the folder (the pinned-embed test builds against a temporary one).
 * Node-only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const RELEASE_TABLES = ['observations', 'series', 'regularizations', 'rule_changes', 'sources', 'countries'] as const;

/** Release ids are path segments in URLs and folders: keep them to a safe alphabet. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function releasesDir(): string {
  return path.resolve(process.env.RELEASES_DIR ?? path.join(process.cwd(), 'data', 'releases'));
}

/** Folder of one frozen release. */
export function releaseDir(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`bad release id "${id}"`);
  return path.join(releasesDir(), id);
}

/** True when the release folder holds every published table. */
export function isComplete(id: string): boolean {
  if (!SAFE_ID.test(id)) return false;
  const dir = releaseDir(id);
  return RELEASE_TABLES.every((t) => existsSync(path.join(dir, `${t}.parquet`)));
}

/** Ids listed in index.json, whatever its exact shape (a list of ids, or of objects with an id). */
function idsFromIndex(json: unknown): string[] {
  const list = Array.isArray(json) ? json : ((json as { releases?: unknown[] })?.releases ?? []);
  return list
    .map((r) => (typeof r === 'string' ? r : ((r as { release_id?: string; id?: string })?.release_id ?? (r as { id?: string })?.id)))
    .filter((x): x is string => typeof x === 'string');
}

/**
 * Frozen releases that can be pinned, oldest first: the ids in index.json (or, before it exists,
 * every sub-folder) whose folder holds all tables.
 */
export function listReleases(): string[] {
  const dir = releasesDir();
  if (!existsSync(dir)) return [];
  const index = path.join(dir, 'index.json');
  let ids: string[];
  if (existsSync(index)) ids = idsFromIndex(JSON.parse(readFileSync(index, 'utf8')));
  else ids = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return [...new Set(ids)].filter(isComplete);
}

export interface ReleaseInfo {
  id: string | null;
  created: string | null;
}

/** Id and date from a release.json (the published one or a frozen one). */
export function readReleaseJson(file: string): ReleaseInfo {
  if (!existsSync(file)) return { id: null, created: null };
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    const id = r.release_id ?? r.id ?? null;
    const created = r.created ?? r.published ?? null;
    return { id: id === null ? null : String(id), created: created === null ? null : String(created).slice(0, 10) };
  } catch {
    return { id: null, created: null };
  }
}

/** The release of the latest published data (the folder the build reads: DATA_DIR or public/data). */
export function latestRelease(): ReleaseInfo {
  const dir = path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), 'public', 'data'));
  return readReleaseJson(path.join(dir, 'release.json'));
}

/** A frozen release's own release.json (falls back to the folder name as id). */
export function frozenRelease(id: string): ReleaseInfo {
  const info = readReleaseJson(path.join(releaseDir(id), 'release.json'));
  return { id: info.id ?? id, created: info.created };
}
