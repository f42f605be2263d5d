/**
 * Atomic publication: everything is built in `<outDir>.tmp-<pid>` beside the published folder,
 * checked there, and only then swapped in with two renames. A failure before the swap removes
 * the temporary folder and leaves the published folder exactly as it was.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

export const tempDirFor = (outDir: string) => `${resolve(outDir)}.tmp-${process.pid}`;
const oldDirFor = (outDir: string) => `${resolve(outDir)}.old-${process.pid}`;

export async function publishAtomically<T>(outDir: string, build: (tmpDir: string) => Promise<T>): Promise<T> {
  const target = resolve(outDir);
  const tmp = tempDirFor(target);
  await mkdir(dirname(target), { recursive: true });
  // A folder left by an earlier crashed run of this same pid would otherwise mix into the output.
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  let result: T;
  try {
    result = await build(tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  // Same filesystem (sibling folders), so both renames are atomic; the window where the
  // target is missing is the time between the two renames.
  const old = oldDirFor(target);
  if (await exists(target)) {
    await rm(old, { recursive: true, force: true });
    await rename(target, old);
    try {
      await rename(tmp, target);
    } catch (err) {
      await rename(old, target);
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
    await rm(old, { recursive: true, force: true });
  } else {
    await rename(tmp, target);
  }
  return result;
}
