/**
 * The data contract's table layer: column order, SQL types, nullability, descriptions and keys of
 * every curated input and every published table, all derived from the zod schemas in
 * src/lib/schema.ts (a column's description and SQL type are in its schema's metadata), so the
 * ETL, the codebook, datapackage.json, the Parquet DDL and the site read one definition.
 *
 * Browser-safe and dependency-free apart from zod.
 */
import { TABLES, type TableName } from '../schema.ts';

/** How a cell is typed when read from a curated CSV. */
export type CellType = 'string' | 'number' | 'integer' | 'boolean';

/** Physical type in Parquet/CSV (DuckDB SQL type). */
export type SqlType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN';

export interface PublishedColumn {
  name: string;
  sql: SqlType;
  /** Field of the zod schema this column comes from (series breaks → breaks_json). */
  field: string;
  /** True when the column may hold nulls. */
  nullable: boolean;
}

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

declare module 'zod' {
  interface GlobalMeta {
    /** Physical type of the published column when it is not text (VARCHAR). */
    sql?: SqlType;
  }
}

interface Described {
  description?: string;
  meta(): { sql?: SqlType; description?: string } | undefined;
}

/** Array fields of `series` go to Parquet/CSV as JSON text (and in full to codebook.json). */
export const JSON_COLUMNS: Partial<Record<TableName, Record<string, string>>> = {
  series: { breaks: 'breaks_json', comparability: 'comparability_json', jumps: 'jumps_json', quality: 'quality_json' },
};

/** The zod schema of each published table (declared once, beside the schemas, as `TABLES`). */
export const SCHEMAS = TABLES;

/** Publication order of tables (also the order their CSVs enter the release hash). */
export const TABLE_ORDER: TableName[] = ['observations', 'series', 'regularizations', 'rule_changes', 'sources', 'countries'];

function isNullable(schema: unknown): boolean {
  return (schema as { safeParse(v: unknown): { success: boolean } }).safeParse(null).success;
}

export function publishedColumns(table: TableName): PublishedColumn[] {
  const schema = SCHEMAS[table] as unknown as { shape: Record<string, unknown> };
  return keysOf(schema).map((field) => {
    const json = JSON_COLUMNS[table]?.[field];
    return {
      name: json ?? field,
      field,
      sql: json ? 'VARCHAR' : ((schema.shape[field] as Described).meta()?.sql ?? 'VARCHAR'),
      nullable: isNullable(schema.shape[field]),
    };
  });
}

/** The description of a field, as its schema states it (every published field has one). */
export function fieldDescription(table: TableName, field: string): string {
  const schema = (SCHEMAS[table] as unknown as { shape: Record<string, Described> }).shape[field];
  const text = schema?.description;
  if (!text) throw new Error(`${table}.${field} has no description in src/lib/schema.ts`);
  return text;
}

/** The closed vocabulary of a field (its zod enum, through nullable/default wrappers), if it has one. */
export function fieldEnum(table: TableName, field: string): readonly string[] | undefined {
  let schema = (SCHEMAS[table] as unknown as { shape: Record<string, unknown> }).shape[field] as Unwrappable | undefined;
  for (let i = 0; schema && i < 4; i++) {
    if (Array.isArray(schema.options)) return schema.options as string[];
    schema = schema.unwrap?.() ?? (schema.def?.innerType as Unwrappable | undefined);
  }
  return undefined;
}

interface Unwrappable {
  options?: unknown;
  unwrap?: () => Unwrappable;
  def?: { innerType?: unknown };
}

/** Every field's description, per table (for the codebook and its test). */
export function fieldDescriptions(table: TableName): Record<string, string> {
  return Object.fromEntries(keysOf(SCHEMAS[table] as unknown as { shape: Record<string, unknown> }).map((f) => [f, fieldDescription(table, f)]));
}

/**
 * Columns the pipeline derives itself; they are not in the curated files. (Observations'
 * period_start, period_end and period_type are in the curated files but may be left empty:
 * see scripts/lib/period-type.ts.)
 */
export const DERIVED_COLUMNS: Partial<Record<TableName, string[]>> = {};

/** Exact header of a curated CSV for a table. */
export function curatedColumns(table: TableName): string[] {
  const derived = DERIVED_COLUMNS[table] ?? [];
  return keysOf(SCHEMAS[table] as unknown as { shape: Record<string, unknown> }).filter((k) => !derived.includes(k));
}

/** Cell types for reading a curated CSV (anything not listed is a string). */
export function cellTypes(table: TableName): Record<string, CellType> {
  const out: Record<string, CellType> = {};
  for (const col of publishedColumns(table)) {
    if (col.sql === 'DOUBLE') out[col.field] = 'number';
    else if (col.sql === 'BIGINT') out[col.field] = 'integer';
    else if (col.sql === 'BOOLEAN') out[col.field] = 'boolean';
  }
  return out;
}

/** Primary key of each published table (observations: one row per key and source and preference). */
export const PRIMARY_KEYS: Record<TableName, string[]> = {
  observations: ['series_id', 'country_code', 'period', 'sex', 'age', 'citizenship_code', 'status', 'value_kind', 'source_id', 'is_preferred', 'value'],
  series: ['series_id'],
  regularizations: ['regularization_id'],
  rule_changes: ['rule_change_id'],
  sources: ['source_id'],
  countries: ['country_code'],
};

export interface ForeignKey {
  fields: string[];
  reference: { resource: TableName; fields: string[] };
}

export const FOREIGN_KEYS: Record<TableName, ForeignKey[]> = {
  observations: [
    { fields: ['series_id'], reference: { resource: 'series', fields: ['series_id'] } },
    { fields: ['country_code'], reference: { resource: 'countries', fields: ['country_code'] } },
    { fields: ['source_id'], reference: { resource: 'sources', fields: ['source_id'] } },
  ],
  series: [],
  regularizations: [
    { fields: ['country_code'], reference: { resource: 'countries', fields: ['country_code'] } },
    { fields: ['source_id'], reference: { resource: 'sources', fields: ['source_id'] } },
  ],
  rule_changes: [
    { fields: ['country_code'], reference: { resource: 'countries', fields: ['country_code'] } },
    { fields: ['source_id'], reference: { resource: 'sources', fields: ['source_id'] } },
  ],
  sources: [],
  countries: [],
};
