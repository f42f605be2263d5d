/**
 * Copies the frozen data releases (data/releases/**, committed) into public/releases/** so the
 * site serves them at `<base>releases/<release_id>/<file>` and `<base>releases/index.json`.
 * public/releases/ is git-ignored and rebuilt on every build: a file removed from data/releases
 * disappears from the site too. Runs before `astro build` (package.json "build"). Every release
 * is first verified against the hashes it recorded (scripts/lib/verify-release.ts): a tampered
 * release stops the build with the file named, and nothing is copied.
 *
 * Usage: tsx tools/copy-releases.ts [--from data/releases] [--to public/releases]
 */
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReleaseVerificationError, verifyReleases } from '../scripts/lib/verify-release.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function copyReleases(from = path.join(REPO_ROOT, 'data/releases'), to = path.join(REPO_ROOT, 'public/releases')): number {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return 0;
  let files = 0;
  cpSync(from, to, {
    recursive: true,
    // The README documents the folder for contributors; the site does not need it.
    filter: (src) => {
      if (path.basename(src) === 'README.md') return false;
      if (statSync(src).isFile()) files++;
      return true;
    },
  });
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? path.resolve(argv[i + 1]) : undefined;
  };
  const from = get('from') ?? path.join(REPO_ROOT, 'data/releases');
  try {
    const checked = await verifyReleases(from);
    console.log(`releases verified: ${checked} files match their recorded hashes`);
  } catch (err) {
    if (!(err instanceof ReleaseVerificationError)) throw err;
    console.error(`release verification failed: ${err.message}`);
    process.exit(1);
  }
  const n = copyReleases(from, get('to'));
  console.log(`releases copied: ${n} files`);
}
