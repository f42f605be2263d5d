/**
 * Loads the curated tables (data/curated) and series files (data/series), typed and
 * schema-checked row by row. Cross-table rules live in validate.ts.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { Country, Observation, Regularization, RuleChange, Source, TableName } from '../../src/lib/schema.ts';
import { readCsvFile, typeRow } from './csv-reader.ts';
import { InputError } from './errors.ts';
import { parseRow } from './row-schema.ts';
import { readSeriesFile, type LocatedSeries } from './series-yaml.ts';
import { cellTypes, curatedColumns } from '../../src/lib/contract/tables.ts';

export interface Located<T> {
  row: T;
  file: string;
  line: number;
}

export type CuratedObservation = Omit<Observation, 'period_start' | 'period_end' | 'period_type'> &
  Partial<{ period_start: string | null; period_end: string | null; period_type: Observation['period_type'] | null }>;

export interface CuratedData {
  observations: Located<CuratedObservation>[];
  sources: Located<Source>[];
  regularizations: Located<Regularization>[];
  rule_changes: Located<RuleChange>[];
  countries: Located<Country>[];
  series: LocatedSeries[];
  /** Files read, for the log. */
  files: string[];
}

/** Path as shown in messages: relative to the working directory when inside it, else absolute. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every entry named like an input, whatever it is: a symlink or folder named `x.csv` is
 * listed so that the reader refuses it (./input-rules.ts), never skipped in silence.
 */
async function listFiles(dir: string, ext: RegExp): Promise<string[]> {
  if (!(await exists(dir))) return [];
  return (await readdir(dir, { withFileTypes: true }))
    .filter((d) => ext.test(d.name))
    .map((d) => join(dir, d.name))
    .sort();
}

export async function readTableFile<T>(table: TableName, abs: string): Promise<Located<T>[]> {
  const file = displayPath(abs);
  const rows = await readCsvFile(abs, file, curatedColumns(table));
  const types = cellTypes(table);
  return rows.map((r) => ({ row: parseRow<T>(table, typeRow(r, file, types), file, r.line), file, line: r.line }));
}

async function requireFile(abs: string): Promise<string> {
  // lstat: a dangling symlink is reported by the reader as a symlink, not as missing.
  if (!(await lstat(abs).then(() => true, () => false))) throw new InputError(displayPath(abs), 0, null, 'required file is missing');
  return abs;
}

export async function loadCurated(curatedDir: string, seriesDir: string): Promise<CuratedData> {
  const files: string[] = [];
  const obsFiles = await listFiles(join(curatedDir, 'observations'), /\.csv$/i);
  const srcFiles = await listFiles(join(curatedDir, 'sources'), /\.csv$/i);
  const seriesFiles = await listFiles(seriesDir, /\.ya?ml$/i);
  if (!srcFiles.length) throw new InputError(displayPath(join(curatedDir, 'sources')), 0, null, 'no sources/*.csv files found');
  if (!seriesFiles.length) throw new InputError(displayPath(seriesDir), 0, null, 'no series *.yml files found');

  const data: CuratedData = { observations: [], sources: [], regularizations: [], rule_changes: [], countries: [], series: [], files };
  // Countries and sources first: they are what the other tables refer to.
  const countriesFile = await requireFile(join(curatedDir, 'countries.csv'));
  data.countries = await readTableFile<Country>('countries', countriesFile);
  files.push(countriesFile);
  for (const f of srcFiles) {
    for (const r of await readTableFile<Source>('sources', f)) data.sources.push(r);
    files.push(f);
  }
  for (const f of seriesFiles) {
    for (const r of await readSeriesFile(f, displayPath(f))) data.series.push(r);
    files.push(f);
  }
  for (const f of obsFiles) {
    // A loop, not push(...rows): spreading millions of rows as arguments overflows the stack.
    for (const r of await readTableFile<CuratedObservation>('observations', f)) data.observations.push(r);
    files.push(f);
  }
  const regFile = await requireFile(join(curatedDir, 'regularizations.csv'));
  data.regularizations = await readTableFile<Regularization>('regularizations', regFile);
  const ruleFile = await requireFile(join(curatedDir, 'rule_changes.csv'));
  data.rule_changes = await readTableFile<RuleChange>('rule_changes', ruleFile);
  files.push(regFile, ruleFile);
  return data;
}
