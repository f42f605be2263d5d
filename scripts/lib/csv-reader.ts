/**
 * Strict reader for curated CSV files: RFC 4180 via papaparse, with the line number of every
 * row (the header is line 1; a row with a quoted newline is reported at the line it starts on),
 * fatal UTF-8, an exact header, and cell typing that refuses anything a spreadsheet might
 * have "helped" with (thousands separators, NaN, stray spaces).
 */
import Papa from 'papaparse';
import { InputError } from './errors.ts';
import { readInputBytes } from './input-rules.ts';
import type { CellType } from '../../src/lib/contract/tables.ts';
import { decodeUtf8Strict } from './utf8.ts';

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  /** Raw cell text by column name. */
  cells: Record<string, string>;
}

/** Plain decimal number: optional minus, no leading zeros, no separators, optional exponent. */
const NUMBER_RE = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

export function parseCell(raw: string, type: CellType | undefined, at: { file: string; line: number; column: string }): unknown {
  if (raw === '') return null;
  switch (type) {
    case 'number':
    case 'integer': {
      if (!NUMBER_RE.test(raw)) {
        const hint = /\d[,.\s']\d{3}/.test(raw)
          ? ' (no thousands separators: write 1234, not 1,234)'
          : /^\s|\s$/.test(raw)
            ? ' (remove the spaces)'
            : '';
        throw new InputError(at.file, at.line, at.column, `"${raw}" is not a plain number${hint}`);
      }
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new InputError(at.file, at.line, at.column, `"${raw}" is not a finite number (too large for a double)`);
      // 1e-400 reads as 0 and -0 prints as 0: either would publish a figure nobody wrote.
      if (n === 0 && /[1-9]/.test(raw.replace(/[eE].*$/, ''))) {
        throw new InputError(at.file, at.line, at.column, `"${raw}" is too small to store (it would be published as 0)`);
      }
      if (Object.is(n, -0)) throw new InputError(at.file, at.line, at.column, `"${raw}" is negative zero; write 0`);
      if (type === 'integer' && !Number.isSafeInteger(n)) {
        throw new InputError(at.file, at.line, at.column, `"${raw}" must be a whole number`);
      }
      return n;
    }
    case 'boolean':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new InputError(at.file, at.line, at.column, `"${raw}" must be true or false (lower case)`);
    default:
      return raw;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset (binary search over line starts). */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function describeHeaderMismatch(actual: string[], expected: string[]): string {
  const missing = expected.filter((c) => !actual.includes(c));
  const extra = actual.filter((c) => !expected.includes(c));
  const parts: string[] = [];
  if (missing.length) parts.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  if (extra.length) parts.push(`unexpected column${extra.length > 1 ? 's' : ''} ${extra.map((c) => `"${c}"`).join(', ')}`);
  const dupes = actual.filter((c, i) => actual.indexOf(c) !== i);
  if (dupes.length) parts.push(`duplicated column ${dupes.map((c) => `"${c}"`).join(', ')}`);
  if (!parts.length) {
    const i = actual.findIndex((c, k) => c !== expected[k]);
    parts.push(`columns out of order: position ${i + 1} is "${actual[i]}", expected "${expected[i]}"`);
  }
  return `header does not match: ${parts.join('; ')}. Expected exactly: ${expected.join(',')}`;
}

/** Parse CSV text; `file` is only used in messages. */
export function parseCsvText(text: string, file: string, expected: string[]): CsvRow[] {
  // A BOM is tolerated (spreadsheet exports add one) but never kept in the first column name.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bomShift = body === text ? 0 : 1;
  if (body.trim() === '') throw new InputError(file, 0, null, 'file is empty (expected at least a header row)');

  const starts = lineStarts(text);
  const rows: { fields: string[]; start: number }[] = [];
  let cursor = 0;
  let parseError: InputError | null = null;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const start = cursor;
      cursor = result.meta.cursor;
      if (result.errors.length && !parseError) {
        const e = result.errors[0];
        const line = lineOf(starts, start + bomShift);
        const reason =
          e.code === 'MissingQuotes'
            ? `unclosed quote: a quoted field starting on line ${line} never ends (truncated file or a stray ")`
            : e.code === 'InvalidQuotes'
              ? 'malformed quotes: a quote inside a field must be doubled ("")'
              : `cannot parse row: ${e.message}`;
        parseError = new InputError(file, line, null, reason);
        parser.abort();
        return;
      }
      rows.push({ fields: result.data, start });
    },
  });
  if (parseError) throw parseError;

  // Papaparse reports a final empty "row" after the last newline; blank lines elsewhere are errors.
  while (rows.length && rows[rows.length - 1].fields.length === 1 && rows[rows.length - 1].fields[0].trim() === '') rows.pop();
  if (!rows.length) throw new InputError(file, 0, null, 'file is empty (expected at least a header row)');

  const header = rows[0].fields.map((h, i) => (i === rows[0].fields.length - 1 ? h.replace(/\r$/, '') : h));
  if (header.length === 1 && expected.length > 1) {
    const h = header[0];
    const delim = h.includes(';') ? 'semicolons' : h.includes('\t') ? 'tabs' : h.includes('|') ? 'pipes' : null;
    throw new InputError(
      file,
      1,
      null,
      delim ? `wrong delimiter: the header is separated by ${delim}; use commas` : describeHeaderMismatch(header, expected),
    );
  }
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    throw new InputError(file, 1, null, describeHeaderMismatch(header, expected));
  }

  const out: CsvRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const { fields, start } = rows[r];
    const line = lineOf(starts, start + bomShift);
    if (fields.length === 1 && fields[0].trim() === '') {
      throw new InputError(file, line, null, 'blank line inside the table; delete it');
    }
    if (fields.length < expected.length) {
      throw new InputError(
        file,
        line,
        expected[fields.length],
        `row has ${fields.length} fields, the header has ${expected.length} (truncated row or missing commas); first missing column is "${expected[fields.length]}"`,
      );
    }
    if (fields.length > expected.length) {
      throw new InputError(
        file,
        line,
        null,
        `row has ${fields.length} fields, the header has ${expected.length} (an unquoted comma inside a value?)`,
      );
    }
    const cells: Record<string, string> = {};
    expected.forEach((c, i) => {
      // CRLF files: papaparse splits on the detected newline; strip a leftover \r defensively.
      cells[c] = i === expected.length - 1 ? fields[i].replace(/\r$/, '') : fields[i];
    });
    out.push({ line, cells });
  }
  return out;
}

export async function readCsvFile(path: string, file: string, expected: string[]): Promise<CsvRow[]> {
  const bytes = await readInputBytes(path, file);
  if (bytes.length === 0) throw new InputError(file, 0, null, 'file is empty (expected at least a header row)');
  return parseCsvText(decodeUtf8Strict(bytes, file), file, expected);
}

/** Typed record from raw cells (the text rules are checked on the typed row, in row-schema.ts). */
export function typeRow(row: CsvRow, file: string, types: Record<string, CellType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, raw] of Object.entries(row.cells)) out[col] = parseCell(raw, types[col], { file, line: row.line, column: col });
  return out;
}
