/**
 * The data contract has one home: every published field's description (and, for non-text
 * columns, its SQL type) lives in its zod schema in src/lib/schema.ts, and the codebook,
 * datapackage.json and the Parquet layout are derived from it. These tests keep it that way.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../src/lib/schema.ts';
import { fieldDescriptions, fieldEnum, publishedColumns } from '../../src/lib/contract/tables.ts';
import { tableSchema } from '../../scripts/lib/codebook.ts';

describe('data contract', () => {
  it.each(Object.keys(TABLES) as TableName[])('%s: every field carries a plain description in its schema', (table) => {
    const fields = Object.keys(TABLES[table].shape);
    const docs = fieldDescriptions(table);
    expect(Object.keys(docs).sort()).toEqual([...fields].sort());
    for (const f of fields) expect(docs[f], `${table}.${f}`).toMatch(/^\S.{8,}\S$/);
  });

  it.each(Object.keys(TABLES) as TableName[])('%s: datapackage fields repeat the schema (description, enum)', (table) => {
    const schema = tableSchema(table) as { fields: { name: string; description: string; constraints?: { enum?: string[] } }[] };
    const cols = publishedColumns(table);
    expect(schema.fields.map((f) => f.name)).toEqual(cols.map((c) => c.name));
    for (const [i, col] of cols.entries()) {
      expect(schema.fields[i].description.startsWith(fieldDescriptions(table)[col.field]), col.name).toBe(true);
      const values = fieldEnum(table, col.field);
      expect(schema.fields[i].constraints?.enum, col.name).toEqual(values ? [...values] : undefined);
    }
  });

  it('no second list of column descriptions, SQL types or enums is kept beside the schema', async () => {
    const codebook = await readFile(new URL('../../scripts/lib/codebook.ts', import.meta.url), 'utf8');
    const tables = await readFile(new URL('../../src/lib/contract/tables.ts', import.meta.url), 'utf8');
    // a literal description of a known column would mean the codebook restates the schema
    expect(codebook).not.toMatch(/Series this value belongs to/);
    expect(codebook).not.toMatch(/\bENUMS\b|\bDESCRIPTIONS\b/);
    expect(tables).not.toMatch(/period_start: 'DATE'/);
  });

  it('the non-text SQL types come from the schema metadata', () => {
    const types = Object.fromEntries(publishedColumns('observations').map((c) => [c.name, c.sql]));
    expect(types).toMatchObject({ period_start: 'DATE', period_end: 'DATE', value: 'DOUBLE', is_preferred: 'BOOLEAN', series_id: 'VARCHAR' });
    expect(Object.fromEntries(publishedColumns('regularizations').map((c) => [c.name, c.sql]))).toMatchObject({ approvals: 'BIGINT' });
  });
});
