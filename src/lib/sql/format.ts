/**
 * Result cells as text (for the table and the CSV export), the CSV itself, and error messages in
 * plain words. Pure: no DOM and no engine, so the same code is tested in Node.
 */
import Papa from 'papaparse';
import { ESCAPE_FORMULAE } from '../csv-safety.ts';
import { CONSOLE_TABLES } from './seal.ts';

/** Arrow type ids (stable across apache-arrow versions; duckdb-wasm bundles its own copy). */
const ARROW_DATE = 8;
const ARROW_TIMESTAMP = 10;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoTimestamp(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${isoDate(ms)} ${time}`;
}

const jsonSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** One result value as text; null stays null (shown as NULL, exported as an empty cell). */
export function cellText(v: unknown, typeId?: number): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (typeId === ARROW_DATE) return isoDate(v);
    if (typeId === ARROW_TIMESTAMP) return isoTimestamp(v);
    return String(v);
  }
  if (typeof v === 'boolean' || typeof v === 'string') return String(v);
  if (v instanceof Date) return typeId === ARROW_TIMESTAMP ? isoTimestamp(+v) : isoDate(+v);
  if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify((v as { toJSON(): unknown }).toJSON(), jsonSafe);
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>).join(',');
  return JSON.stringify(v, jsonSafe) ?? String(v);
}

export interface ResultSet {
  columns: string[];
  rows: (string | null)[][];
  /** True when the result had more rows than were kept. */
  truncated: boolean;
}

/** RFC 4180 CSV of a result (null = empty cell, formula-like text neutralised), as the published CSVs. */
export function resultToCsv(r: ResultSet): string {
  return `${Papa.unparse({ fields: r.columns, data: r.rows.map((row) => row.map((c) => c ?? '')) }, { newline: '\n', escapeFormulae: ESCAPE_FORMULAE })}\n`;
}

/**
 * The console's export: the CSV and its file name. A result cut at the row cap says so twice,
 * in the name (`…_first-100000-rows.csv`) and in a last line that no reader can take for data.
 */
export function exportFile(r: ResultSet, release: string): { name: string; csv: string } {
  const base = `irregular-atlas-query_${release}`;
  if (!r.truncated) return { name: `${base}.csv`, csv: resultToCsv(r) };
  const note = `# truncated: only the first ${r.rows.length} rows of a longer result are in this file; add a LIMIT or a filter to export all of it`;
  return { name: `${base}_first-${r.rows.length}-rows.csv`, csv: `${resultToCsv(r)}${note}\n` };
}

export interface Explained {
  /** One sentence in plain words. */
  title: string;
  /** DuckDB's own message (with its LINE pointer), shown under the title. */
  detail: string | null;
}

const TABLE_LIST = CONSOLE_TABLES.join(', ');

/**
 * DuckDB's message as text. duckdb-wasm passes some errors through as DuckDB's JSON error object
 * ({"exception_type":"Parser","exception_message":"syntax error…"}); those become
 * "Parser Error: syntax error…", like the others.
 */
export function errorText(message: string): string {
  const m = message.trim();
  if (!m.startsWith('{')) return m;
  try {
    const e = JSON.parse(m) as { exception_type?: string; exception_message?: string };
    if (e.exception_type && e.exception_message) return `${e.exception_type} Error: ${e.exception_message}`;
  } catch {
    /* not JSON after all */
  }
  return m;
}

/** A DuckDB error message as a plain sentence plus the engine's detail. */
export function explainError(message: string): Explained {
  const m = errorText(message);
  if (/file system operations are disabled|Permission Error|external access/i.test(m)) {
    return { title: `The console reads only this site's tables (${TABLE_LIST}); it cannot open files, URLs or other databases.`, detail: m };
  }
  if (/configuration has been locked/i.test(m)) return { title: 'Settings are locked in this console.', detail: m };
  if (/extension/i.test(m) && /(disabled|autoload|install)/i.test(m)) return { title: 'Extensions cannot be installed or loaded in this console.', detail: m };
  if (/^Parser Error/i.test(m)) return { title: 'The SQL has a syntax error.', detail: m };
  const missing = m.match(/^Catalog Error: Table with name (\S+) does not exist/i);
  if (missing) return { title: `There is no table ${missing[1]}. The tables are: ${TABLE_LIST}.`, detail: m };
  if (/^Binder Error/i.test(m)) return { title: 'A column or function name does not fit the tables.', detail: m };
  if (/^Conversion Error/i.test(m)) return { title: 'A value could not be converted to the type asked for.', detail: m };
  if (/^Out of Memory/i.test(m)) return { title: 'The query needs more memory than the browser gives it; add a LIMIT or filter first.', detail: m };
  return { title: 'The query failed.', detail: m };
}
