/**
 * Where Eurostat data comes from.
 *
 * Offline (the default, and always in tests): the raw snapshot folder, `EUROSTAT_RAW_DIR` or else
 * `../shared/data/raw` next to the repository. Those files are third-party downloads and are
 * never committed.
 *
 * Online, only when asked with `EUROSTAT_ONLINE=1`: download a JSON-stat 2.0 extract from the
 * Eurostat dissemination API into `.cache/eurostat/` (git-ignored) and read that instead. The
 * download is one vintage, the current one, so it replaces the snapshot rather than adding to it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.ts';

export const EUROSTAT_API = 'https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data';

/** Repository root (this file is scripts/lib/eurostat/fetch.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const CACHE_DIR = join(REPO_ROOT, '.cache', 'eurostat');

type Env = Record<string, string | undefined>;

/** The snapshot folder: EUROSTAT_RAW_DIR, else ../shared/data/raw relative to the repo root. */
export function resolveRawDir(env: Env = process.env): string {
  const fromEnv = env.EUROSTAT_RAW_DIR?.trim();
  if (fromEnv) return resolve(fromEnv);
  return resolve(REPO_ROOT, '..', 'shared', 'data', 'raw');
}

/** True only when the caller asked for a download. */
export function isOnline(env: Env = process.env): boolean {
  return env.EUROSTAT_ONLINE === '1';
}

/** Paths inside the working directory are shown relative (stable in tests and messages); others absolute. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** Path of one snapshot file; a missing file is an InputError that says how to get one. */
export function snapshotFile(rawDir: string, folder: string, file: string): string {
  const p = join(rawDir, folder, file);
  if (!existsSync(p)) {
    throw new InputError(
      displayPath(p),
      0,
      null,
      `Eurostat snapshot not found. Set EUROSTAT_RAW_DIR to a folder that holds ${folder}/${file} ` +
        `(the default is ../shared/data/raw next to the repository), or run with EUROSTAT_ONLINE=1 to download the data into .cache/eurostat/`,
    );
  }
  return displayPath(p);
}

/** API query as ordered pairs, because Eurostat takes repeated keys (age=Y15-64&age=Y20-64). */
export type ApiQuery = readonly (readonly [string, string])[];

export function apiUrl(dataset: string, query: ApiQuery): string {
  const params = new URLSearchParams([['format', 'JSON'], ['lang', 'EN'], ...query.map(([k, v]) => [k, v] as [string, string])]);
  return `${EUROSTAT_API}/${dataset.toLowerCase()}?${params.toString()}`;
}

export interface FetchOptions {
  /** Defaults to EUROSTAT_CACHE_DIR, else .cache/eurostat/ in the repository. */
  cacheDir?: string;
  /** Injected in tests; defaults to the global fetch. */
  fetchImpl?: (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
}

/**
 * Download one dataset extract into the cache and return the cached file's path.
 * The file is written to a temporary name and renamed, so a failed download never leaves a
 * half-written JSON that a later offline run could mistake for data.
 */
export async function fetchDataset(dataset: string, query: ApiQuery, opts: FetchOptions = {}): Promise<string> {
  const url = apiUrl(dataset, query);
  const cacheDir = opts.cacheDir ?? (process.env.EUROSTAT_CACHE_DIR?.trim() || CACHE_DIR);
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 12);
  const target = join(cacheDir, `${dataset.toLowerCase()}-${hash}.json`);
  const doFetch = opts.fetchImpl ?? ((u: string) => fetch(u));
  let res;
  try {
    res = await doFetch(url);
  } catch (e) {
    throw new InputError(url, 0, null, `download failed (${(e as Error).message}); unset EUROSTAT_ONLINE to read the local snapshot instead`);
  }
  const body = await res.text();
  if (!res.ok) throw new InputError(url, 0, null, `Eurostat API answered HTTP ${res.status}: ${body.slice(0, 200)}`);
  try {
    const doc = JSON.parse(body) as { class?: string };
    if (doc.class !== 'dataset') throw new Error('no JSON-stat dataset in the answer');
  } catch (e) {
    throw new InputError(url, 0, null, `unexpected answer from the Eurostat API (${(e as Error).message})`);
  }
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, target);
  return displayPath(target);
}
