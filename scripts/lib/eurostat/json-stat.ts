/**
 * JSON-stat 2.0 datasets, as the Eurostat dissemination API returns them
 * (statistics/1.0/data/<code>?format=JSON).
 *
 * Values sit in one flat array (or a sparse object keyed by flat index) in row-major order over
 * `id`/`size`: the last dimension varies fastest. Eurostat sends a sparse object, with absent
 * cells for missing values, and puts flags in `status` under the same flat index.
 * Category `index` may be an object (code → position) or an array of codes; both are read.
 */
import { InputError } from '../errors.ts';
import { checkFlags } from './flags.ts';
import type { EurostatRecord, ParseResult } from './record.ts';

export interface JsonStatResult extends ParseResult {
  /** Dataset code from extension.id (Eurostat), upper case, or null. */
  dataset: string | null;
  /** `updated` as YYYY-MM-DD, or null. */
  updated: string | null;
  label: string | null;
  dims: string[];
}

type Index = Record<string, number> | string[];
interface JsonStatDataset {
  version?: string;
  class?: string;
  label?: string;
  updated?: string;
  id?: unknown;
  size?: unknown;
  dimension?: Record<string, { category?: { index?: Index } }>;
  value?: unknown;
  status?: unknown;
  extension?: { id?: string };
  error?: unknown;
}

function codesOf(file: string, dim: string, index: Index | undefined, size: number): string[] {
  if (!index) throw new InputError(file, 0, dim, `dimension "${dim}" has no category.index`);
  // filled, not sparse: `some` skips holes, and a hole is exactly what we look for
  const codes: (string | undefined)[] = Array.from({ length: size }, () => undefined);
  const entries: [string, number][] = Array.isArray(index) ? index.map((c, k) => [c, k]) : Object.entries(index);
  for (const [c, k] of entries) codes[k] = c;
  if (entries.length !== size || codes.length !== size || codes.some((c) => c === undefined)) {
    throw new InputError(file, 0, dim, `dimension "${dim}" has ${entries.length} categories but size says ${size}`);
  }
  return codes as string[];
}

export function parseJsonStat(text: string, file: string): JsonStatResult {
  let doc: JsonStatDataset;
  try {
    doc = JSON.parse(text) as JsonStatDataset;
  } catch (e) {
    throw new InputError(file, 0, null, `not valid JSON: ${(e as Error).message}`);
  }
  if (doc.error) throw new InputError(file, 0, null, `the file is a Eurostat API error response: ${JSON.stringify(doc.error).slice(0, 200)}`);
  if (doc.class !== 'dataset' || !Array.isArray(doc.id) || !Array.isArray(doc.size) || !doc.dimension) {
    throw new InputError(file, 0, null, 'not a JSON-stat 2.0 dataset (needs class "dataset", id, size and dimension)');
  }
  const ids = doc.id as string[];
  const size = doc.size as number[];
  if (ids.length !== size.length) throw new InputError(file, 0, 'size', `id has ${ids.length} dimensions but size has ${size.length}`);
  const timeDim = ids.includes('time') ? 'time' : ids.includes('TIME_PERIOD') ? 'TIME_PERIOD' : null;
  if (!timeDim) throw new InputError(file, 0, 'id', 'no time dimension');
  const codes = ids.map((d, k) => codesOf(file, d, doc.dimension![d]?.category?.index, size[k]!));
  const total = size.reduce((a, b) => a * b, 1);

  // flat index → value, whatever shape `value` has
  const entries: [number, unknown][] = [];
  if (Array.isArray(doc.value)) doc.value.forEach((v, k) => entries.push([k, v]));
  else if (doc.value && typeof doc.value === 'object') for (const [k, v] of Object.entries(doc.value)) entries.push([Number(k), v]);
  else throw new InputError(file, 0, 'value', 'no value array or object');

  const statusAt = (k: number): string | undefined => {
    const st = doc.status;
    if (typeof st === 'string') return st;
    if (Array.isArray(st)) return (st[k] as string | null) ?? undefined;
    if (st && typeof st === 'object') return (st as Record<string, string>)[String(k)];
    return undefined;
  };

  // keep cube order, so output does not depend on key order in the sparse object
  entries.sort((a, b) => a[0] - b[0]);
  const records: EurostatRecord[] = [];
  let missing = 0;
  for (const [k, v] of entries) {
    const path = `value[${k}]`;
    if (!Number.isInteger(k) || k < 0 || k >= total) throw new InputError(file, 0, path, `index ${k} is outside the cube (size ${size.join('×')} = ${total})`);
    if (v === null) {
      missing++;
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(file, 0, path, `value ${JSON.stringify(v)} is not a number`);
    let rest = k;
    const dims: Record<string, string> = {};
    let time = '';
    for (let d = ids.length - 1; d >= 0; d--) {
      const pos = rest % size[d]!;
      rest = Math.floor(rest / size[d]!);
      if (ids[d] === timeDim) time = codes[d]![pos]!;
      else dims[ids[d]!] = codes[d]![pos]!;
    }
    const flags = checkFlags(statusAt(k), file, 0, `status[${k}]`);
    records.push({ dims, time, value: v, flags, origin: { file, line: 0, path } });
  }
  const updated = typeof doc.updated === 'string' && /^\d{4}-\d{2}-\d{2}/.test(doc.updated) ? doc.updated.slice(0, 10) : null;
  return {
    records,
    missing,
    dataset: doc.extension?.id ? String(doc.extension.id).toUpperCase() : null,
    updated,
    label: doc.label ?? null,
    dims: ids.filter((d) => d !== timeDim),
  };
}
