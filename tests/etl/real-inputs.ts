/**
 * Where the tests that need the real inputs find them, and what they do when they are absent.
 *
 * - Raw Eurostat snapshots: EUROSTAT_RAW_DIR, else ../shared/data/raw (scripts/pipeline.ts).
 * - The reference transcriptions the curated tables were checked against: ATLAS_REFERENCE_DIR,
 *   else ../shared/data/reference.
 *
 * On a clone with nothing beside it these tests are skipped, each with the reason in its name.
 * In CI (CI=true), which has both folders, a missing input is a failure, so a wrong path can never
 * turn the checks into silent skips.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRawDir } from '../../scripts/pipeline.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const RAW_DIR = defaultRawDir();
export const REFERENCE_DIR = resolve(process.env.ATLAS_REFERENCE_DIR?.trim() || resolve(REPO_ROOT, '../shared/data/reference'));

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * Why a test needing these inputs cannot run here (null: it can). Throws in CI, where the inputs
 * must be present.
 */
export function missingInputs(need: { raw?: boolean; reference?: boolean }): string | null {
  const missing: string[] = [];
  if (need.raw && !isDir(RAW_DIR)) missing.push(`no raw snapshot folder at ${RAW_DIR} (set EUROSTAT_RAW_DIR)`);
  if (need.reference && !isDir(REFERENCE_DIR)) missing.push(`no reference folder at ${REFERENCE_DIR} (set ATLAS_REFERENCE_DIR)`);
  if (missing.length === 0) return null;
  const reason = missing.join('; ');
  if (process.env.CI === 'true') throw new Error(`CI must run the tests on the real inputs: ${reason}`);
  return reason;
}
