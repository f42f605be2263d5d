/**
 * Eurostat observation flags.
 *
 * Eurostat publishes b (break in time series), c (confidential), d (definition differs),
 * e (estimated), f (forecast), n (not significant), p (provisional), r (revised),
 * s (Eurostat estimate), u (low reliability) and z (not applicable).
 * The published `flags` column (schema.ts) accepts only b c d e p r u z n. The two others are
 * moved into the row's note rather than dropped, because each changes what the number is:
 *  - f: a forecast is not an observation; a reader must see that it is one.
 *  - s: an estimate made by Eurostat, not by the national office. Folding it into `e` would
 *    hide who estimated it, so it is kept apart.
 */
import { InputError } from '../errors.ts';

export const EUROSTAT_FLAGS = 'bcdefnprsuz';
/** Letters the schema's `flags` regex accepts. */
export const SCHEMA_FLAGS = 'bcdepruzn';

const NOTE_FOR_FLAG: Record<string, string> = {
  f: 'Eurostat flag f: forecast',
  s: 'Eurostat flag s: Eurostat estimate',
};

export interface ParsedFlags {
  /** Letters kept for the `flags` column, in published order, or null. */
  flags: string | null;
  /** Text for the note when a flag cannot go in `flags`, or null. */
  note: string | null;
}

/**
 * Check a raw flag string (e.g. "bu", " p", "") and return its letters. An unknown letter is an
 * InputError, because a flag we do not understand may change what the value means.
 */
export function checkFlags(raw: string | null | undefined, file: string, line: number, column: string | null): string | null {
  const s = (raw ?? '').trim();
  if (s === '') return null;
  let out = '';
  for (const ch of s) {
    if (!EUROSTAT_FLAGS.includes(ch)) {
      throw new InputError(file, line, column, `unknown Eurostat flag "${ch}" in "${s}" (known flags: ${EUROSTAT_FLAGS.split('').join(', ')})`);
    }
    if (!out.includes(ch)) out += ch;
  }
  return out;
}

/** Split already-checked Eurostat flags into schema flags and a note for the letters the schema lacks. */
export function toSchemaFlags(flags: string | null): ParsedFlags {
  if (!flags) return { flags: null, note: null };
  let kept = '';
  const notes: string[] = [];
  for (const ch of flags) {
    if (SCHEMA_FLAGS.includes(ch)) kept += ch;
    else notes.push(NOTE_FOR_FLAG[ch] ?? `Eurostat flag ${ch}`);
  }
  return { flags: kept || null, note: notes.length ? notes.join('; ') : null };
}
