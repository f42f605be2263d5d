/**
 * The one reader of the published files at build time: where the publication and the frozen
 * releases live (DATA_DIR and RELEASES_DIR override, for tests and pinned builds), and their
 * manifests read with a clear error when the data has not been built. Node-only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PUBLISHED_DATA_PATH, RELEASES_PATH, SAFE_RELEASE_ID, type ReleaseEntry, type ReleaseIndex, type ReleaseManifest } from './release.ts';

/** Folder of the publication the site is built from. */
export function publishedDataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? path.join(process.cwd(), PUBLISHED_DATA_PATH));
}

/** Folder of the frozen releases. */
export function releasesDir(): string {
  return path.resolve(process.env.RELEASES_DIR ?? path.join(process.cwd(), RELEASES_PATH));
}

/** Folder of one frozen release (the id is checked: it becomes a path). */
export function releaseDir(id: string): string {
  if (!SAFE_RELEASE_ID.test(id)) throw new Error(`bad release id "${id}"`);
  return path.join(releasesDir(), id);
}

/** A published JSON file; a missing file says how to make it. */
export function readPublishedJson<T>(name: string, dir = publishedDataDir()): T {
  const file = path.join(dir, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run data:site\` (or \`npm run data\`) first`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The publication's release.json. */
export function publishedManifest(dir = publishedDataDir()): ReleaseManifest {
  return readPublishedJson<ReleaseManifest>('release.json', dir);
}

/** Id and date of a release.json, or nulls when there is none (a page can still render without it). */
export function releaseInfo(file: string): { id: string | null; created: string | null } {
  if (!existsSync(file)) return { id: null, created: null };
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<ReleaseManifest>;
    return { id: typeof r.release_id === 'string' ? r.release_id : null, created: typeof r.created === 'string' ? r.created.slice(0, 10) : null };
  } catch {
    return { id: null, created: null };
  }
}

/** The frozen releases' index (empty before the first `npm run release`). */
export function releaseIndex(): ReleaseIndex | null {
  const file = path.join(releasesDir(), 'index.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as ReleaseIndex;
}

/** Frozen releases, newest first. */
export function frozenReleases(): ReleaseEntry[] {
  return releaseIndex()?.releases ?? [];
}
