/**
 * Limits and text rules for every curated input (CSV cells, series YAML strings, rows returned
 * by source modules). One home for each rule, so the reader, the YAML loader and the module
 * check cannot disagree:
 *
 *  - a file is read only when it is a regular file (a symlink, folder, FIFO or device in its
 *    place is refused, never skipped) of at most MAX_FILE_BYTES, read as a stream that stops
 *    at the limit;
 *  - a cell (or YAML string) holds at most MAX_CELL_CHARS characters;
 *  - text holds no control characters (line feeds inside quoted cells excepted) and no
 *    bidirectional embedding, override or isolate characters, which reorder what a reader sees;
 *  - free text does not start with a spreadsheet formula character (src/lib/csv-safety.ts
 *    holds that rule; every CSV the project writes neutralises such cells as well);
 *  - every date lies on or before the horizon: one year after the release date.
 */
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { startsLikeFormula } from '../../src/lib/csv-safety.ts';
import { InputError } from './errors.ts';
import { addYears } from './periods.ts';

/** Largest curated file read (64 MiB: 100× the current inputs, which the pipeline bench uses). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Longest cell or YAML string (the longest curated text today is about 600 characters). */
export const MAX_CELL_CHARS = 10_000;
/** Years after the release date that any date may lie (laws announced for next year). */
export const HORIZON_YEARS = 1;

export const dateHorizon = (releaseDate: string) => addYears(releaseDate, HORIZON_YEARS);

/**
 * Bytes of an input file. Refuses what is not a regular file and what is larger than the
 * limit; the file is streamed, so a file that grows while it is read stops at the limit too.
 */
export async function readInputBytes(abs: string, file: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer> {
  let info;
  try {
    info = await lstat(abs);
  } catch {
    throw new InputError(file, 0, null, 'required file is missing');
  }
  if (info.isSymbolicLink()) {
    throw new InputError(file, 0, null, 'is a symbolic link; inputs must be regular files (copy the file in place of the link)');
  }
  if (!info.isFile()) throw new InputError(file, 0, null, 'is not a regular file (a folder, pipe or device); inputs must be regular files');
  const tooLarge = () =>
    new InputError(file, 0, null, `file is larger than the limit of ${maxBytes} bytes; split it into several files`);
  if (info.size > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  // highWaterMark: 1 MiB chunks, so even a file at the limit is read in bounded steps.
  for await (const chunk of createReadStream(abs, { highWaterMark: 1024 * 1024 })) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/** C0 controls except line feed and carriage return, DEL, and C1 controls. */
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A carriage return that does not end a line (CRLF files keep theirs). */
const LONE_CR = /\r(?!\n)/;
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text value breaks the text rules, or null when it is fine. */
export function textProblem(value: string): string | null {
  if (value.length > MAX_CELL_CHARS) {
    return `text of ${value.length} characters is longer than the limit of ${MAX_CELL_CHARS}`;
  }
  const control = value.match(CONTROL) ?? value.match(LONE_CR);
  if (control) return `control character ${codePoint(control[0])} at character ${control.index! + 1}; remove it`;
  const bidi = value.match(BIDI);
  if (bidi) {
    return `bidirectional control character ${codePoint(bidi[0])} at character ${bidi.index! + 1} (it reorders how the text is shown); remove it`;
  }
  if (startsLikeFormula(value)) {
    return `text starts with "${value[0]}", which a spreadsheet would run as a formula; reword it to start with a letter or digit`;
  }
  return null;
}

/**
 * Checks every string in a row (recursively through lists and objects, for series YAML),
 * naming the field (`breaks[1].note`) of the first problem.
 */
export function checkTexts(data: unknown, file: string, line: number | ((path: (string | number)[]) => number), path: (string | number)[] = []): void {
  if (typeof data === 'string') {
    const problem = textProblem(data);
    if (problem) {
      const label = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || null;
      throw new InputError(file, typeof line === 'number' ? line : line(path), label, problem);
    }
  } else if (Array.isArray(data)) {
    data.forEach((v, i) => checkTexts(v, file, line, [...path, i]));
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) checkTexts(v, file, line, [...path, k]);
  }
}
