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
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TABLE_ORDER } from '../contract/tables.ts';
import { SAFE_RELEASE_ID } from '../contract/release.ts';
import { publishedDataDir, releaseDir, releaseIndex, releaseInfo, releasesDir } from '../contract/files.ts';

export { releaseDir, releasesDir };

/** True when the release folder holds every published table. */
export function isComplete(id: string): boolean {
  if (!SAFE_RELEASE_ID.test(id)) return false;
  const dir = releaseDir(id);
  return TABLE_ORDER.every((t) => existsSync(path.join(dir, `${t}.parquet`)));
}

/**
 * Frozen releases that can be pinned, oldest first: the ids in index.json (or, before it exists,
 * every sub-folder) whose folder holds all tables.
 */
export function listReleases(): string[] {
  const dir = releasesDir();
  if (!existsSync(dir)) return [];
  const index = releaseIndex();
  const ids = index ? [...index.releases].reverse().map((r) => r.id) : readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return [...new Set(ids)].filter(isComplete);
}

export interface ReleaseInfo {
  id: string | null;
  created: string | null;
}

/** The release of the latest published data (the folder the build reads: DATA_DIR or public/data). */
export function latestRelease(): ReleaseInfo {
  return releaseInfo(path.join(publishedDataDir(), 'release.json'));
}

/** A frozen release's own release.json (falls back to the folder name as id). */
export function frozenRelease(id: string): ReleaseInfo {
  const info = releaseInfo(path.join(releaseDir(id), 'release.json'));
  return { id: info.id ?? id, created: info.created };
}
