/**
 * The chart registry for plain Node scripts (tsx), which have no `import.meta.glob`: the same
 * convention as ./registry.ts (every `src/charts/<id>.ts` is a chart), read from disk. Node-only.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SpecLoader } from './registry.ts';

const DIR = path.resolve(import.meta.dirname, '../../charts');

export function chartModulesFromDisk(): Record<string, SpecLoader> {
  return Object.fromEntries(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f): [string, SpecLoader] => [f.slice(0, -3), () => import(pathToFileURL(path.join(DIR, f)).href)]),
  );
}
