/**
 * From parsed Eurostat records to SourceObservation rows, and the factory every
 * scripts/sources/eurostat-*.ts module is built with.
 *
 * Rules applied to every dataset:
 *  - geo → ISO3 / aggregate code (geo.ts); sex T → null, F → female, M → male; age TOTAL → null,
 *    other ages keep their code (Y15-64); citizenship TOTAL → null, other groups keep their code
 *    (FOR, NAT, EU27_2020_FOR, NEU27_2020_FOR, STLS, FOR_STLS…).
 *  - Other breakdowns become one snake_case `status` code, `<prefix>_<code>` per dimension,
 *    joined with `_` (reason OSTAY → `reason_ostay`; reason OSTAY × apprehen INL →
 *    `reason_ostay_apprehen_inl`). TOTAL codes are left out, so a dimension that only holds
 *    totals adds nothing.
 *  - Any dimension the module did not declare is an InputError: silently ignoring one would put
 *    breakdown values under the total's key.
 *  - Several vintages of one value: the newest is preferred. An older vintage that gives a
 *    different value (a revision) is kept as `is_preferred=false` with a note. An older vintage
 *    that gives the same value adds nothing and is not emitted: the pipeline rejects two rows
 *    with the same key, source and value (scripts/lib/validate.ts). Exact duplicates within one
 *    vintage are emitted once; two different values within one vintage are an InputError.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';
import type { SourceModule, SourceObservation } from '../types.ts';
import type { UNITS, VALUE_KINDS } from '../../../src/lib/schema.ts';
import { fetchDataset, isOnline, snapshotFile, type ApiQuery } from './fetch.ts';
import { toSchemaFlags } from './flags.ts';
import { geoToCountry } from './geo.ts';
import { parseJsonStat } from './json-stat.ts';
import type { EurostatRecord } from './record.ts';
import { parseSdmxCsv } from './sdmx-csv.ts';
import { parseEurostatTsv } from './tsv.ts';

type Unit = (typeof UNITS)[number];
type ValueKind = (typeof VALUE_KINDS)[number];

export interface Vintage {
  /** Larger is newer. */
  rank: number;
  /** Short name of the vintage, used in notes: "API extract updated 2026-05-12". */
  label: string;
  /** Note on a row of this vintage when a newer vintage has the same key. */
  olderNote?: string;
  /** Note on a row of this vintage when no newer vintage has that key. */
  onlyNote?: string;
}

export interface RecordMapping {
  seriesId: string;
  /** Eurostat unit code → published unit. Any other unit is an InputError. */
  units: Record<string, Unit>;
  valueKind: ValueKind;
  /** Dimensions that make up `status`, in order: dimension id → prefix. */
  statusDims?: Record<string, string>;
  /** Dimension holding citizenship (`citizen` in every dataset here). */
  citizenshipDim?: string | null;
  /** Dimensions that must hold one of these codes; they add nothing to the row. */
  fixedDims?: Record<string, readonly string[]>;
  /** `first_of_january`: annual stocks on 1 January, period 2010 → 2010-01-01. */
  periodAt?: 'published' | 'first_of_january';
}

export type EurostatFormat = 'json-stat' | 'sdmx-csv' | 'tsv';

export interface EurostatFileSpec {
  /** Folder under the raw snapshot dir: `eurostat_migr_eipre`. */
  folder: string;
  file: string;
  format: EurostatFormat;
  /** Dataset code the file must declare (JSON-stat extension.id, SDMX-CSV dataflow); TSVs carry none. */
  dataset: string;
  vintage: Vintage;
  /** Defaults to the module id. */
  sourceId?: string;
}

export interface EurostatModuleSpec {
  id: string;
  mapping: RecordMapping;
  files: readonly EurostatFileSpec[];
  /** What EUROSTAT_ONLINE=1 downloads instead of the snapshot files. */
  online: { dataset: string; query: ApiQuery };
}

interface Draft {
  obs: Omit<SourceObservation, 'is_preferred' | 'note'>;
  flagNote: string | null;
  vintage: Vintage;
}

const SEX: Record<string, 'female' | 'male' | null> = { T: null, F: 'female', M: 'male' };
const TOTAL_CODES = new Set(['TOTAL', 'T']);

function periodOf(rec: EurostatRecord, m: RecordMapping): string {
  const { file, line } = rec.origin;
  const freq = rec.dims.freq ?? 'A';
  const t = rec.time;
  const ok =
    (freq === 'A' && /^\d{4}$/.test(t)) || (freq === 'Q' && /^\d{4}-Q[1-4]$/.test(t)) || (freq === 'M' && /^\d{4}-(0[1-9]|1[0-2])$/.test(t));
  if (!ok) throw new InputError(file, line, rec.origin.path ?? 'TIME_PERIOD', `time period "${t}" does not fit frequency ${freq}`);
  if (m.periodAt === 'first_of_january') {
    if (freq !== 'A') throw new InputError(file, line, 'freq', `expected annual data for a 1 January stock, found freq ${freq}`);
    return `${t}-01-01`;
  }
  return t;
}

/** One record → one draft row (without preference and vintage note). */
export function toDraft(rec: EurostatRecord, m: RecordMapping, sourceId: string, vintage: Vintage): Draft {
  const { file, line } = rec.origin;
  const col = (dim: string) => (rec.origin.path ? `${rec.origin.path} ${dim}` : dim);
  const citizenDim = m.citizenshipDim === undefined ? 'citizen' : m.citizenshipDim;
  const statusDims = m.statusDims ?? {};
  const fixed = m.fixedDims ?? {};
  const statusParts = new Map<string, string>();
  let sex: 'female' | 'male' | null = null;
  let age: string | null = null;
  let citizenship: string | null = null;
  let unit: Unit | null = null;
  let country: string | null = null;

  for (const [dim, code] of Object.entries(rec.dims)) {
    if (dim === 'geo') country = geoToCountry(code, file, line, col('geo'));
    else if (dim === 'freq') continue; // checked in periodOf
    else if (dim === 'unit') {
      const u = m.units[code];
      if (!u) throw new InputError(file, line, col('unit'), `unexpected unit "${code}" for ${m.seriesId} (expected ${Object.keys(m.units).join(' or ')})`);
      unit = u;
    } else if (dim === 'sex') {
      if (!(code in SEX)) throw new InputError(file, line, col('sex'), `unknown sex code "${code}" (expected T, F or M)`);
      sex = SEX[code]!;
    } else if (dim === 'age') {
      if (!/^[A-Z0-9_-]+$/.test(code)) throw new InputError(file, line, col('age'), `malformed age code "${code}"`);
      age = code === 'TOTAL' ? null : code;
    } else if (dim === citizenDim) {
      if (!/^[A-Z0-9_]+$/.test(code)) throw new InputError(file, line, col(dim), `malformed citizenship code "${code}"`);
      citizenship = code === 'TOTAL' ? null : code;
    } else if (dim in statusDims) {
      if (!TOTAL_CODES.has(code)) statusParts.set(dim, `${statusDims[dim]}_${code.toLowerCase().replace(/-/g, '_')}`);
    } else if (dim in fixed) {
      if (!fixed[dim]!.includes(code)) {
        throw new InputError(file, line, col(dim), `unexpected ${dim}="${code}": this source only publishes ${dim} ${fixed[dim]!.join('/')}`);
      }
    } else {
      throw new InputError(file, line, col(dim), `unexpected dimension "${dim}" (=${code}): the ${m.seriesId} mapping does not know where to put it`);
    }
  }
  if (country === null) throw new InputError(file, line, null, 'record without geo');
  if (unit === null) {
    // a file that fixes the unit in its name rather than in a column (none here, but TSV filters can drop it)
    const only = Object.values(m.units);
    if (new Set(only).size !== 1) throw new InputError(file, line, 'unit', 'record without unit');
    unit = only[0]!;
  }
  // declared order, not file order: JSON-stat and CSV list dimensions differently
  const status = Object.keys(statusDims).flatMap((d) => (statusParts.has(d) ? [statusParts.get(d)!] : []));
  const statusCode = status.length ? status.join('_') : null;
  if (statusCode !== null && !/^[a-z0-9_]+$/.test(statusCode)) throw new InputError(file, line, null, `cannot build a status code from "${statusCode}"`);
  const { flags, note } = toSchemaFlags(rec.flags);
  return {
    obs: {
      series_id: m.seriesId,
      country_code: country,
      period: periodOf(rec, m),
      sex,
      age,
      citizenship_code: citizenship,
      status: statusCode,
      value: rec.value,
      unit,
      value_kind: m.valueKind,
      flags,
      source_id: sourceId,
      origin: rec.origin,
    },
    flagNote: note,
    vintage,
  };
}

const keyOf = (o: Draft['obs']) =>
  [o.series_id, o.country_code, o.period, o.sex ?? '', o.age ?? '', o.citizenship_code ?? '', o.status ?? '', o.value_kind].join('|');

const where = (o: Draft['obs']) => `${o.origin.file}${o.origin.line ? `:${o.origin.line}` : ''}${o.origin.path ? ` ${o.origin.path}` : ''}`;

const join = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p).join('; ') || null;

/** Apply the vintage rules and return rows sorted by key (preferred first within a key). */
export function resolveVintages(drafts: readonly Draft[]): SourceObservation[] {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const k = keyOf(d.obs);
    const g = groups.get(k);
    if (g) g.push(d);
    else groups.set(k, [d]);
  }
  const out: SourceObservation[] = [];
  for (const group of groups.values()) {
    // one draft per vintage: exact duplicates collapse, disagreements stop the run
    const byRank = new Map<number, Draft>();
    for (const d of group) {
      const seen = byRank.get(d.vintage.rank);
      if (!seen) byRank.set(d.vintage.rank, d);
      else if (seen.obs.value !== d.obs.value || seen.obs.flags !== d.obs.flags || seen.obs.unit !== d.obs.unit) {
        throw new InputError(
          d.obs.origin.file,
          d.obs.origin.line,
          d.obs.origin.path ?? null,
          `same vintage, same key, different values: ${d.obs.value}${d.obs.flags ? ` ${d.obs.flags}` : ''} here and ${seen.obs.value}${seen.obs.flags ? ` ${seen.obs.flags}` : ''} at ${where(seen.obs)}`,
        );
      }
    }
    const ranked = [...byRank.values()].sort((a, b) => b.vintage.rank - a.vintage.rank);
    const newest = ranked[0]!;
    // an older vintage with the newest value (flags may differ) only repeats it: drop it
    const kept = ranked.filter((d, i) => i === 0 || d.obs.value !== newest.obs.value);
    kept.forEach((d, i) => {
      let vintageNote: string | null;
      if (i === 0) vintageNote = d.vintage.onlyNote ?? null;
      else {
        vintageNote = join(d.vintage.olderNote ?? `earlier vintage (${d.vintage.label})`, `revised to ${newest.obs.value} in the ${newest.vintage.label}`);
      }
      out.push({ ...d.obs, is_preferred: i === 0, note: join(d.flagNote, vintageNote) });
    });
  }
  return out.sort(compareRows);
}

const FIELDS = ['series_id', 'country_code', 'period', 'sex', 'age', 'citizenship_code', 'status', 'value_kind'] as const;
export function compareRows(a: SourceObservation, b: SourceObservation): number {
  for (const f of FIELDS) {
    const x = a[f] ?? '';
    const y = b[f] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.is_preferred !== b.is_preferred) return a.is_preferred ? -1 : 1;
  return a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0;
}

/** Parse one file in its format and check it holds the dataset we expect. */
export function readEurostatFile(path: string, format: EurostatFormat, dataset: string | null): EurostatRecord[] {
  const text = readFileSync(path, 'utf8');
  if (format === 'tsv') return parseEurostatTsv(text, path).records;
  const parsed = format === 'json-stat' ? parseJsonStat(text, path) : parseSdmxCsv(text, path);
  if (dataset && parsed.dataset && parsed.dataset !== dataset.toUpperCase()) {
    throw new InputError(path, 0, null, `expected dataset ${dataset.toUpperCase()}, the file holds ${parsed.dataset}`);
  }
  return parsed.records;
}

export function createEurostatModule(spec: EurostatModuleSpec): SourceModule {
  return {
    id: spec.id,
    async load({ rawDir }) {
      const drafts: Draft[] = [];
      if (isOnline()) {
        const path = await fetchDataset(spec.online.dataset, spec.online.query);
        const vintage: Vintage = { rank: 1, label: 'Eurostat API download' };
        for (const rec of readEurostatFile(path, 'json-stat', spec.online.dataset)) drafts.push(toDraft(rec, spec.mapping, spec.id, vintage));
        return resolveVintages(drafts);
      }
      // check every file first, so a missing snapshot is reported before any parsing work
      const paths = spec.files.map((f) => snapshotFile(rawDir, f.folder, f.file));
      spec.files.forEach((f, i) => {
        for (const rec of readEurostatFile(paths[i]!, f.format, f.dataset)) drafts.push(toDraft(rec, spec.mapping, f.sourceId ?? spec.id, f.vintage));
      });
      return resolveVintages(drafts);
    },
  };
}
