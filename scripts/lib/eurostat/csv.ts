/**
 * A small RFC 4180 reader that remembers the physical line each record starts on, so errors can
 * point at `file:line` even when a quoted field spans lines. Papaparse does not report lines.
 */
import { InputError } from '../errors.ts';

export interface CsvRow {
  cells: string[];
  /** 1-based physical line where the record starts (header = 1). */
  line: number;
}

export function readCsv(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (i < n && text[i] === '"') {
        // quoted field: "" is an escaped quote; newlines inside count as lines
        i++;
        for (;;) {
          if (i >= n) throw new InputError(file, startLine, null, 'unterminated quoted field');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          cell += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new InputError(file, line, null, 'text after a closing quote');
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === ',') {
        i++;
        cells.push(cell);
        cell = '';
        continue;
      } else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        endOfRecord = true;
      }
    }
    cells.push(cell);
    // skip blank lines (a lone trailing newline, or an empty line between records)
    if (cells.length === 1 && cells[0] === '') continue;
    rows.push({ cells, line: startLine });
  }
  return rows;
}
