/**
 * Strict UTF-8 decoding. TextDecoder with `fatal` only says "invalid", so on failure we scan
 * the bytes ourselves to tell the curator where the bad byte is.
 */
import { InputError } from './errors.ts';

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid UTF-8 too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Decode a file's bytes as UTF-8 or throw an InputError naming the line and byte offset. */
export function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    const at = findInvalidUtf8(bytes);
    const offset = at < 0 ? 0 : at;
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    const hex = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
    throw new InputError(
      file,
      line,
      null,
      `invalid UTF-8 at byte offset ${offset} (byte 0x${hex}); save the file as UTF-8 (not Latin-1 or Shift_JIS)`,
    );
  }
}
