/**
 * The data step of `npm start` and `npm test`: the site's public/data, from wherever it can come.
 *
 * - Raw inputs present (EUROSTAT_RAW_DIR, or ../shared/data/raw next to the repository, or
 *   EUROSTAT_ONLINE=1): the whole ETL runs (the same as `npm run data`).
 * - Otherwise (a fresh clone with nothing beside it): the latest committed release in
 *   data/releases/ is published as it was frozen — its Parquet, the CSVs and metadata rebuilt from
 *   it by the pipeline's own writer — and one line says so.
 *
 *   tsx scripts/site-data.ts            (npm run data:site)
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableName } from '../src/lib/schema.ts';
import { InputError } from './lib/errors.ts';
import { writePublication, type FrozenManifest, type TableInput } from './lib/publication.ts';
import { TABLE_ORDER } from '../src/lib/contract/tables.ts';
import { PUBLISHED_DATA_PATH } from '../src/lib/contract/release.ts';
import { RELEASES_DIR, defaultRawDir, repositoryFromPackage, runPipeline } from './pipeline.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** True when the ETL can run: a raw snapshot folder exists, or downloading was asked for. */
export function rawInputsAvailable(rawDir = defaultRawDir(), env = process.env): boolean {
  if (env.EUROSTAT_ONLINE === '1') return true;
  return existsSync(rawDir) && statSync(rawDir).isDirectory();
}

export interface RestoreOptions {
  releasesDir?: string;
  outDir?: string;
  /** Release id; default: the index's latest. */
  id?: string;
}

/** Publishes a frozen release into outDir (public/data) with the pipeline's writer. */
export async function publishFrozenRelease(opts: RestoreOptions = {}) {
  const releasesDir = resolve(opts.releasesDir ?? RELEASES_DIR);
  const outDir = resolve(opts.outDir ?? join(REPO_ROOT, PUBLISHED_DATA_PATH));
  const index = JSON.parse(await readFile(join(releasesDir, 'index.json'), 'utf8')) as { latest: string | null };
  const id = opts.id ?? index.latest;
  if (!id) throw new Error(`${relative(REPO_ROOT, releasesDir)}/index.json names no release: run the ETL (npm run data) with the raw inputs`);
  const dir = join(releasesDir, id);
  const manifest = JSON.parse(await readFile(join(dir, 'release.json'), 'utf8')) as FrozenManifest & { sources: { id: string; rows: number }[] };
  const tables = Object.fromEntries(TABLE_ORDER.map((t) => [t, { parquet: join(dir, `${t}.parquet`) }])) as Record<TableName, TableInput>;
  return writePublication({
    outDir,
    tables,
    created: manifest.created,
    releasesDir,
    repository: await repositoryFromPackage(),
    sourceStats: manifest.sources ?? [],
    generatedBy: 'scripts/site-data.ts from a frozen release',
    asRelease: { release_id: manifest.release_id, created: manifest.created },
  });
}

async function main() {
  const rawDir = defaultRawDir();
  try {
    if (rawInputsAvailable(rawDir)) {
      const result = await runPipeline({ log: (l) => console.log(l) });
      console.log(`data: ETL from raw inputs in ${rawDir} → release ${result.releaseId}`);
      return;
    }
    const result = await publishFrozenRelease();
    console.log(
      `data: no raw inputs at ${rawDir} (set EUROSTAT_RAW_DIR, or EUROSTAT_ONLINE=1 to download): serving committed data release ${result.id} from data/releases/`,
    );
  } catch (err) {
    if (err instanceof InputError) {
      console.error(err.message);
      console.error('Nothing was published; the previous publication is unchanged.');
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
