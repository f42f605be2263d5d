/**
 * The column descriptions in scripts/lib/codebook.ts were taken from the JSDoc lines of
 * src/lib/schema.ts. This test keeps them in sync: every schema field has a description, and
 * where schema.ts documents a field the text is the same.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../src/lib/schema.ts';
import { DESCRIPTIONS, extractSchemaDocs } from '../../scripts/lib/codebook.ts';

const SCHEMA_NAMES: Record<TableName, string> = {
  observations: 'Observation',
  series: 'Series',
  regularizations: 'Regularization',
  rule_changes: 'RuleChange',
  sources: 'Source',
  countries: 'Country',
};

describe('codebook descriptions', async () => {
  const docs = extractSchemaDocs(await readFile(new URL('../../src/lib/schema.ts', import.meta.url), 'utf8'));

  it('finds the JSDoc of every published schema', () => {
    for (const name of Object.values(SCHEMA_NAMES)) expect(Object.keys(docs[name] ?? {}).length, name).toBeGreaterThan(0);
  });

  it.each(Object.keys(TABLES) as TableName[])('%s: every field has a description, equal to its JSDoc where there is one', (table) => {
    const fields = Object.keys(TABLES[table].shape);
    expect(Object.keys(DESCRIPTIONS[table]).sort()).toEqual([...fields].sort());
    for (const f of fields) {
      expect(DESCRIPTIONS[table][f], `${table}.${f}`).toMatch(/\S{3,}/);
      const doc = docs[SCHEMA_NAMES[table]][f];
      if (doc) expect(DESCRIPTIONS[table][f], `${table}.${f} drifted from schema.ts`).toBe(doc);
    }
  });
});
