/** The software's CITATION.cff (repository root): valid YAML with CFF 1.2's required keys, in step with package.json. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

describe('root CITATION.cff', () => {
  const cff = parse(readFileSync('CITATION.cff', 'utf8')) as Record<string, unknown>;
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };

  it('has the keys CFF 1.2 requires, for software', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    for (const k of ['message', 'title']) expect(typeof cff[k], k).toBe('string');
    expect(Array.isArray(cff.authors) && (cff.authors as unknown[]).length).toBeTruthy();
    expect(cff.type).toBe('software');
  });

  it('names the version and licence of package.json', () => {
    expect(cff.version).toBe(pkg.version);
    expect(cff.license).toBe(pkg.license);
  });
});
