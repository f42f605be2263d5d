/**
 * Eurostat bulk TSV ("estat_<code>.tsv"):
 *
 *     freq,unit,sex,age,citizen,geo\TIME_PERIOD<TAB>2015 <TAB>2016 …
 *     A,PC,F,Y20-64,EU27_2020_FOR,AT<TAB>69.3 <TAB>70.4 b<TAB>: u
 *
 * The first cell packs the dimension codes, comma-separated; every other cell is
 * `<number> <flags>` or `: <flags>` for a missing value (kept out of the output). Time headers
 * carry a trailing space; lines end in CRLF. Older bulk files write `2015Q1` / `2015M01` and
 * `geo\time`; both are accepted and periods become `2015-Q1` / `2015-01`.
 */
import { InputError } from '../errors.ts';
import { checkFlags } from './flags.ts';
import { parseNumber, splitLines, type EurostatRecord, type ParseResult } from './record.ts';

export interface TsvResult extends ParseResult {
  dims: string[];
  times: string[];
}

const CELL_RE = /^(:|[^\s]+)(?:\s+([^\s]*))?$/;

function normalizeTime(t: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(t);
  if (q) return `${q[1]}-Q${q[2]}`;
  const m = /^(\d{4})M(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}`;
  return t;
}

export function parseEurostatTsv(text: string, file: string): TsvResult {
  const lines = splitLines(text);
  const head = lines[0];
  if (head === undefined) throw new InputError(file, 0, null, 'empty file: expected a Eurostat TSV header');
  const headCells = head.split('\t');
  const key = headCells[0]!.trim();
  const m = /^(.+)\\(TIME_PERIOD|time)$/i.exec(key);
  if (!m) throw new InputError(file, 1, null, `not a Eurostat TSV: first header cell "${key}" should end in "\\TIME_PERIOD"`);
  const dims = m[1]!.split(',').map((d) => d.trim());
  if (!dims.includes('geo')) throw new InputError(file, 1, null, 'no geo dimension in the header');
  const times = headCells.slice(1).map((t) => normalizeTime(t.trim()));
  if (times.length === 0 || times.some((t) => !t)) throw new InputError(file, 1, null, 'missing time period columns in the header');

  const records: EurostatRecord[] = [];
  let missing = 0;
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const cells = raw.split('\t');
    if (cells.length !== times.length + 1) {
      throw new InputError(file, lineNo, null, `malformed line: ${cells.length} tab-separated cells where the header has ${times.length + 1}`);
    }
    const codes = cells[0]!.split(',').map((c) => c.trim());
    if (codes.length !== dims.length || codes.some((c) => c === '')) {
      throw new InputError(file, lineNo, null, `malformed key "${cells[0]}": expected ${dims.length} comma-separated codes (${dims.join(',')})`);
    }
    const dimRec: Record<string, string> = {};
    dims.forEach((d, k) => (dimRec[d] = codes[k]!));
    for (let t = 0; t < times.length; t++) {
      const cell = cells[t + 1]!.trim();
      const time = times[t]!;
      const cm = CELL_RE.exec(cell);
      if (!cell || !cm) throw new InputError(file, lineNo, time, `malformed cell "${cells[t + 1]}" (expected a number or ":" with optional flags)`);
      const flags = checkFlags(cm[2], file, lineNo, time);
      if (cm[1] === ':') {
        missing++;
        continue;
      }
      const value = parseNumber(cm[1]!, file, lineNo, time);
      records.push({ dims: { ...dimRec }, time, value, flags, origin: { file, line: lineNo } });
    }
  }
  return { records, missing, dims, times };
}
