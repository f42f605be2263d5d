/**
 * The common shape every Eurostat parser (JSON-stat, SDMX-CSV, bulk TSV) produces, so one
 * mapping per dataset turns any of the three formats into observations.
 */
import type { Origin } from '../types.ts';
import { InputError } from '../errors.ts';

export interface EurostatRecord {
  /** Dimension id (lower case, as Eurostat names it: geo, sex, age, citizen, reason…) → code. Time is not in here. */
  dims: Record<string, string>;
  /** TIME_PERIOD as published: 2024, 2024-Q1, 2024-01. */
  time: string;
  value: number;
  /** Eurostat flag letters as published (already checked to be Eurostat flags), or null. */
  flags: string | null;
  origin: Origin;
}

/** What a parser returns: the records, plus how many cells were missing (`:` or empty) and skipped. */
export interface ParseResult {
  records: EurostatRecord[];
  missing: number;
}

// Plain decimal as Eurostat writes it: no thousands separators, `.` as decimal mark.
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/** Parse a Eurostat number; anything else is an InputError naming the cell. */
export function parseNumber(raw: string, file: string, line: number, column: string | null): number {
  const s = raw.trim();
  if (!NUMBER_RE.test(s)) {
    throw new InputError(file, line, column, `value "${raw}" is not a number (expected digits with an optional "." decimal part, or ":" for missing)`);
  }
  return Number(s);
}

/** Split text into lines, accepting CRLF (the bulk TSVs and data-browser CSVs use it) and a trailing newline. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
