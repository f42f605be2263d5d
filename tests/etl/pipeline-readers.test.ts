/** Unit tests of the pipeline's strict readers: CSV structure, cell typing, periods, UTF-8. */
import { describe, expect, it } from 'vitest';
import { parseCell, parseCsvText } from '../../scripts/lib/csv-reader.ts';
import { InputError } from '../../scripts/lib/errors.ts';
import { fuzzyDateRange, periodRange } from '../../scripts/lib/periods.ts';
import { decodeUtf8Strict, findInvalidUtf8 } from '../../scripts/lib/utf8.ts';

const at = { file: 'f.csv', line: 3, column: 'value' };

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('periodRange', () => {
  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2023-Q2', '2023-04-01', '2023-06-30'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-07-01', '2024-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2024-11', '2024-11-01', '2024-11-30'],
    ['2024-02-29', '2024-02-29', '2024-02-29'],
    ['2017-06-30', '2017-06-30', '2017-06-30'],
  ])('%s → %s .. %s', (p, start, end) => {
    expect(periodRange(p)).toEqual({ start, end });
  });

  it.each(['2023-02-29', '2023-02-30', '2024-04-31', '2024-13', '2024-00', '2024-Q5', '2024-H3', '2017H1', '24', '2024/01/01', ''])(
    'rejects %s',
    (p) => {
      expect(periodRange(p)).toHaveProperty('error');
    },
  );

  it('fuzzy dates take YYYY, YYYY-MM, YYYY-MM-DD only', () => {
    expect(fuzzyDateRange('2003-09')).toEqual({ start: '2003-09-01', end: '2003-09-30' });
    expect(fuzzyDateRange('2003-Q1')).toHaveProperty('error');
    expect(fuzzyDateRange('2003-02-30')).toHaveProperty('error');
  });
});

describe('parseCell', () => {
  it.each([
    ['79113', 79113],
    ['0', 0],
    ['-5', -5],
    ['58.5', 58.5],
    ['1.5e3', 1500],
  ])('number %s', (raw, n) => expect(parseCell(raw, 'number', at)).toBe(n));

  it.each(['1,234', '1 234', 'NaN', 'Infinity', '-Infinity', ' ', ' 12', '12 ', '+5', '012', '0x10', '1.', '.5', '1e400'])(
    'rejects number %j',
    (raw) => {
      const e = errorOf(() => parseCell(raw, 'number', at));
      expect([e.file, e.line, e.column]).toEqual(['f.csv', 3, 'value']);
    },
  );

  it('booleans are true/false only', () => {
    expect(parseCell('true', 'boolean', at)).toBe(true);
    expect(parseCell('false', 'boolean', at)).toBe(false);
    for (const raw of ['TRUE', 'True', '1', 'yes', ' true']) expect(() => parseCell(raw, 'boolean', at)).toThrow(InputError);
  });

  it('empty cells are null, other strings stay as written', () => {
    expect(parseCell('', 'number', at)).toBeNull();
    expect(parseCell('', undefined, at)).toBeNull();
    expect(parseCell(' x ', undefined, at)).toBe(' x ');
  });

  it('integers must be whole', () => {
    expect(parseCell('705404', 'integer', at)).toBe(705404);
    expect(() => parseCell('1.5', 'integer', at)).toThrow(/whole number/);
  });
});

describe('parseCsvText', () => {
  const cols = ['a', 'b', 'c'];
  it('gives the line where each row starts, across quoted newlines and CRLF', () => {
    const rows = parseCsvText('a,b,c\r\n1,"x\r\ny",3\r\n4,5,6\r\n', 'f.csv', cols);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0].cells).toEqual({ a: '1', b: 'x\r\ny', c: '3' });
    expect(rows[1].cells.c).toBe('6');
  });

  it('accepts a BOM and a missing final newline', () => {
    expect(parseCsvText('\uFEFFa,b,c\n1,2,3', 'f.csv', cols)).toEqual([{ line: 2, cells: { a: '1', b: '2', c: '3' } }]);
  });

  it.each([
    ['a;b;c\n1;2;3\n', 1, /delimiter.*semicolons/],
    ['a\tb\tc\n', 1, /delimiter.*tabs/],
    ['a,c\n1,2\n', 1, /missing column "b"/],
    ['a,b,c,d\n', 1, /unexpected column "d"/],
    ['a,c,b\n', 1, /out of order/],
    ['a,b,b\n', 1, /missing column "c".*duplicated column "b"/],
    ['a,b,c\n1,2\n', 2, /2 fields.*first missing column is "c"/],
    ['a,b,c\n1,2,3,4\n', 2, /4 fields/],
    ['a,b,c\n1,2,3\n\n4,5,6\n', 3, /blank line/],
    ['a,b,c\n1,"2,3\n4,5,6\n', 2, /unclosed quote/],
    ['', 0, /empty/],
    ['\n\n', 0, /empty/],
  ])('rejects %j at line %i', (text, line, reason) => {
    const e = errorOf(() => parseCsvText(text, 'f.csv', cols));
    expect(e.line).toBe(line);
    expect(e.reason).toMatch(reason);
  });
});

describe('UTF-8', () => {
  it('finds the offset of the first bad byte', () => {
    const ok = new TextEncoder().encode('Japón\n日本\n');
    expect(findInvalidUtf8(ok)).toBe(-1);
    const bad = Uint8Array.from([...new TextEncoder().encode('a,b\nJap'), 0xf3, 0x6e, 0x0a]);
    expect(findInvalidUtf8(bad)).toBe(7);
    const e = errorOf(() => decodeUtf8Strict(bad, 'f.csv'));
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/byte offset 7/);
  });

  it('rejects overlong forms and surrogates', () => {
    expect(findInvalidUtf8(Uint8Array.from([0xc0, 0xaf]))).toBe(0);
    expect(findInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(findInvalidUtf8(Uint8Array.from([0x41, 0xe6, 0x97]))).toBe(1);
  });
});

describe('series YAML', () => {
  it('reports item lines, and refuses aliases at their line', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readSeriesFile } = await import('../../scripts/lib/series-yaml.ts');
    const dir = await mkdtemp(join(tmpdir(), 'atlas-yaml-'));
    const item = (id: string, breaks: string) =>
      `- series_id: ${id}\n  title: T\n  category: enforcement\n  unit: persons\n  definition: D.\n  counts: C.\n  excludes: E.\n  measure: flow\n  breaks: ${breaks}\n  comparability: []\n  preference_note: null\n`;
    const file = join(dir, 's.yml');
    await writeFile(file, item('a_one', '[]') + item('a_two', '[]'));
    const got = await readSeriesFile(file, 's.yml');
    expect(got.map((s) => [s.row.series_id, s.line, s.row.breaks])).toEqual([
      ['a_one', 1, []],
      ['a_two', 12, []],
    ]);
    // Aliases can multiply a document (alias bombs); none is needed, so none is accepted.
    await writeFile(file, item('a_one', '&none []') + item('a_two', '*none'));
    await expect(readSeriesFile(file, 's.yml')).rejects.toThrow(/s\.yml:20: YAML alias \*none is not allowed/);
    await rm(dir, { recursive: true, force: true });
  });
});
