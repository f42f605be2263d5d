/**
 * Release identity: `YYYY.MM.DD-<8 hex>`, the hex being the start of a sha256 over the published
 * CSVs, so the same data published on the same day always gets the same id.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableName } from '../../src/lib/schema.ts';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Hash of the CSVs in the given order (each file's bytes, one after another). */
export async function csvDigest(dir: string, tables: TableName[]): Promise<string> {
  const h = createHash('sha256');
  for (const t of tables) h.update(await readFile(join(dir, `${t}.csv`)));
  return h.digest('hex');
}

export function releaseId(date: string, digest: string): string {
  return `${date.replace(/-/g, '.')}-${digest.slice(0, 8)}`;
}

export interface HashedFile {
  bytes: number;
  sha256: string;
}

/** sha256 and size of every file in a folder (not recursive: the publication is flat). */
export async function hashFiles(dir: string, skip: string[] = []): Promise<Record<string, HashedFile>> {
  const out: Record<string, HashedFile> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (skip.includes(name)) continue;
    const p = join(dir, name);
    if (!(await stat(p)).isFile()) continue;
    const bytes = await readFile(p);
    out[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  }
  return out;
}
