/**
 * Verifies the frozen releases (data/releases/<id>/) against the hashes their own release.json
 * recorded when the pipeline published them: a release rewritten after it was frozen (a value
 * ×10 in a Parquet file) must stop the build, not be served under its old id to pinned embeds.
 *
 * For every release folder: release.json names the folder's id; every table's Parquet file is
 * present and has the byte count and sha256 release.json recorded for it; every file in the
 * folder (release.json and the datapackage.json the freeze reduced included) has the hashes
 * index.json recorded when it was frozen, where index.json lists it; a file neither records is
 * refused. The first problem throws, naming the file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { TABLE_ORDER } from '../../src/lib/contract/tables.ts';

export class ReleaseVerificationError extends Error {
  constructor(
    /** The file that does not match (path as given to verifyReleases, joined). */
    public readonly file: string,
    public readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReleaseVerificationError';
  }
}

interface FileEntry {
  bytes: number;
  sha256: string;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ReleaseVerificationError(file, `cannot be read as JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Verifies every release under `dir`; returns the number of files checked. */
export async function verifyReleases(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const indexFile = path.join(dir, 'index.json');
  const index = existsSync(indexFile) ? await readJson(indexFile) : null;
  const indexed = new Map<string, Record<string, FileEntry>>();
  for (const r of (index?.releases as { id: string; files?: Record<string, FileEntry> }[] | undefined) ?? []) {
    if (r.files) indexed.set(r.id, r.files);
  }
  let checked = 0;
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const id = entry.name;
    const folder = path.join(dir, id);
    const manifestFile = path.join(folder, 'release.json');
    if (!existsSync(manifestFile)) throw new ReleaseVerificationError(manifestFile, 'missing: every frozen release carries its release.json');
    const manifest = await readJson(manifestFile);
    if (manifest.release_id !== id) {
      throw new ReleaseVerificationError(manifestFile, `names release ${String(manifest.release_id)}, but its folder is ${id}`);
    }
    const files = (manifest.files ?? {}) as Record<string, FileEntry>;
    for (const table of TABLE_ORDER) {
      if (!existsSync(path.join(folder, `${table}.parquet`))) {
        throw new ReleaseVerificationError(path.join(folder, `${table}.parquet`), 'missing from the frozen release');
      }
    }
    for (const name of (await readdir(folder)).sort()) {
      const file = path.join(folder, name);
      const info = await lstat(file);
      if (!info.isFile()) throw new ReleaseVerificationError(file, 'is not a regular file');
      // The pipeline's record covers the data files; the freeze rewrote datapackage.json and wrote release.json.
      const records: [string, FileEntry | undefined][] = [
        [`${id}/release.json`, name === 'release.json' || name === 'datapackage.json' ? undefined : files[name]],
        ['index.json', indexed.get(id)?.[name]],
      ];
      if (!records.some(([, r]) => r)) throw new ReleaseVerificationError(file, `is recorded neither in ${id}/release.json nor in index.json`);
      const actual = { bytes: info.size, sha256: await sha256(file) };
      for (const [where, expected] of records) {
        if (expected && (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256)) {
          throw new ReleaseVerificationError(
            file,
            `does not match the hash in ${where} (sha256 ${actual.sha256.slice(0, 12)}…, ${actual.bytes} bytes; recorded ${expected.sha256.slice(0, 12)}…, ${expected.bytes} bytes): a frozen release must never change`,
          );
        }
      }
      checked++;
    }
  }
  return checked;
}
