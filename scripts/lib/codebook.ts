/**
 * Metadata of the published dataset: the generators for datapackage.json, codebook.json,
 * DICTIONARY.md and CITATION.cff. Column descriptions, types and enums come from the data
 * contract (src/lib/schema.ts through src/lib/contract/tables.ts); nothing is restated here.
 */
import type { Series, Source, TableName } from '../../src/lib/schema.ts';
import { qualityCriteria } from '../../src/lib/quality.ts';
import { FOREIGN_KEYS, PRIMARY_KEYS, TABLE_ORDER, fieldDescription, fieldEnum, publishedColumns, type SqlType } from '../../src/lib/contract/tables.ts';

export const DATASET_NAME = 'irregular-atlas';
export const DATASET_TITLE = 'Irregular Atlas: irregular residence, regularizations and immigration rule changes';
export const AUTHORS = 'Irregular Atlas contributors';
/**
 * Licence of the compiled dataset. Figures stay subject to each publisher's terms, which the
 * `sources.license` column records row by row.
 */
export const DATA_LICENSE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' };

/** Where the unit of a column is fixed or given elsewhere. */
const UNIT_NOTES: Partial<Record<TableName, Record<string, string>>> = {
  observations: { value: 'given row by row in column `unit`' },
  regularizations: {
    applications: 'applications or persons, per `figures_note`',
    approvals: 'persons or files, per `figures_note`',
    rejections: 'persons or files, per `figures_note`',
  },
};

/** Description of a published column (JSON columns of `series` say they are JSON). */
export function describeColumn(table: TableName, field: string, name: string): string {
  const base = fieldDescription(table, field);
  return name === field ? base : `${base} JSON text of the list (the full objects are in codebook.json).`;
}

const FRICTIONLESS_TYPES: Record<SqlType, string> = {
  VARCHAR: 'string',
  DATE: 'date',
  DOUBLE: 'number',
  BIGINT: 'integer',
  BOOLEAN: 'boolean',
};

export function tableSchema(table: TableName, resourceSuffix = '') {
  const fields = publishedColumns(table).map((col) => {
    const field: Record<string, unknown> = {
      name: col.name,
      type: col.name !== col.field ? 'array' : FRICTIONLESS_TYPES[col.sql],
      description: describeColumn(table, col.field, col.name),
    };
    if (col.sql === 'DATE') field.format = 'default';
    const unit = UNIT_NOTES[table]?.[col.field];
    if (unit) field.unit = unit;
    const constraints: Record<string, unknown> = {};
    if (!col.nullable) constraints.required = true;
    const values = fieldEnum(table, col.field);
    if (values) constraints.enum = [...values];
    if (Object.keys(constraints).length) field.constraints = constraints;
    return field;
  });
  const schema: Record<string, unknown> = { fields, missingValues: [''] };
  const pk = PRIMARY_KEYS[table];
  // A Table Schema primary key may not hold nulls; observation keys include null breakdowns,
  // so their uniqueness is declared as a unique key instead.
  if (table === 'observations') schema.uniqueKeys = [pk];
  else schema.primaryKey = pk;
  const fks = FOREIGN_KEYS[table].map((fk) => ({
    fields: fk.fields,
    reference: { resource: `${fk.reference.resource}${resourceSuffix}`, fields: fk.reference.fields },
  }));
  if (fks.length) schema.foreignKeys = fks;
  return schema;
}

const TABLE_DESCRIPTIONS: Record<TableName, string> = {
  observations:
    'One row per value, long format. Exactly one row per key (series, country, period, breakdowns, value kind) has is_preferred = true; the others are alternatives from other sources or vintages.',
  series: 'One row per series: what it counts, what it leaves out, breaks and comparability by country.',
  regularizations: 'Regularization programmes, and single years of standing mechanisms, with applications and approvals.',
  rule_changes: 'Dated legal and policy changes (DEMIG POLICY compatible columns).',
  sources: 'Every cited document or dataset. Every published value points to one.',
  countries: 'Countries and aggregates used in the other tables.',
};

export interface FileInfo {
  bytes: number;
  sha256: string;
}

export interface ReleaseInfo {
  id: string;
  created: string;
  rowCounts: Record<TableName, number>;
}

export function buildDatapackage(release: ReleaseInfo, sources: Source[], files: Record<string, FileInfo>) {
  const resources = [];
  for (const table of TABLE_ORDER) {
    for (const format of ['csv', 'parquet'] as const) {
      const path = `${table}.${format}`;
      const info = files[path];
      const suffix = format === 'csv' ? '' : '-parquet';
      const resource: Record<string, unknown> = {
        name: `${table}${suffix}`,
        type: 'table',
        path,
        format,
        mediatype: format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet',
        ...(format === 'csv' ? { encoding: 'utf-8', dialect: { header: true, delimiter: ',', quoteChar: '"' } } : {}),
        title: `${table} (${format === 'csv' ? 'CSV' : 'Parquet, zstd'})`,
        description: TABLE_DESCRIPTIONS[table],
        bytes: info?.bytes,
        hash: info ? `sha256:${info.sha256}` : undefined,
        rows: release.rowCounts[table],
        schema: tableSchema(table, suffix),
      };
      resources.push(resource);
    }
  }
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: DATASET_NAME,
    title: DATASET_TITLE,
    description:
      'Irregular residence, regularizations and immigration rule changes: Japan, South Korea, Spain, Italy and EU states via Eurostat. Every value points to a cited source.',
    version: release.id,
    created: `${release.created}T00:00:00Z`,
    licenses: [DATA_LICENSE],
    contributors: [{ title: AUTHORS, roles: ['creator'] }],
    sources: sources.map((s) => ({ title: `${s.publisher}: ${s.title}`, path: s.url })),
    resources,
  };
}

export interface CodebookInput {
  release: ReleaseInfo;
  series: Series[];
  seriesRowCounts: Record<string, number>;
}

export function buildCodebook({ release, series, seriesRowCounts }: CodebookInput) {
  return {
    generated_by: 'scripts/pipeline.ts (generated file: do not edit by hand)',
    release: release.id,
    created: release.created,
    tables: TABLE_ORDER.map((table) => ({
      name: table,
      description: TABLE_DESCRIPTIONS[table],
      files: [`${table}.parquet`, `${table}.csv`],
      rows: release.rowCounts[table],
      columns: publishedColumns(table).map((c) => ({
        name: c.name,
        type: c.sql,
        nullable: c.nullable,
        description: describeColumn(table, c.field, c.name),
        ...(UNIT_NOTES[table]?.[c.field] ? { unit: UNIT_NOTES[table]![c.field] } : {}),
        ...(fieldEnum(table, c.field) ? { values: [...fieldEnum(table, c.field)!] } : {}),
      })),
    })),
    series: series.map((s) => ({ ...s, rows: seriesRowCounts[s.series_id] ?? 0 })),
  };
}

const mdCell = (s: string | null | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\n+/g, ' ');

export function buildDictionary({ release, series, seriesRowCounts }: CodebookInput): string {
  const out: string[] = [
    '<!-- Generated by scripts/pipeline.ts from src/lib/schema.ts and data/series/*.yml. Do not edit by hand. -->',
    '',
    `# Data dictionary — release ${release.id}`,
    '',
    'This file is generated: edit the schema and its column descriptions (src/lib/schema.ts) or the series files (data/series/*.yml), then run `npm run data`.',
    '',
    `Created ${release.created}. Every table is published as Parquet (zstd) and CSV (UTF-8, comma, header, ISO dates, empty cell = null).`,
    '',
  ];
  for (const table of TABLE_ORDER) {
    out.push(`## ${table}`, '', TABLE_DESCRIPTIONS[table], '', `Files: \`${table}.parquet\`, \`${table}.csv\` — ${release.rowCounts[table]} rows.`, '');
    out.push('| column | type | null? | description |', '|---|---|---|---|');
    for (const c of publishedColumns(table)) {
      const values = fieldEnum(table, c.field);
      const desc = describeColumn(table, c.field, c.name) + (values ? ` Values: ${values.join(', ')}.` : '');
      out.push(`| \`${c.name}\` | ${c.sql} | ${c.nullable ? 'yes' : 'no'} | ${mdCell(desc)} |`);
    }
    out.push('');
  }
  out.push('## Series', '');
  for (const s of series) {
    out.push(`### \`${s.series_id}\` — ${mdCell(s.title)}`, '');
    out.push(`- Category: ${s.category}; unit: ${s.unit}; measure: ${s.measure}; rows: ${seriesRowCounts[s.series_id] ?? 0}`);
    out.push(`- Definition: ${mdCell(s.definition)}`, `- Counts: ${mdCell(s.counts)}`, `- Excludes: ${mdCell(s.excludes)}`);
    if (s.preference_note) out.push(`- Preferred source: ${mdCell(s.preference_note)}`);
    if (s.quality) out.push(`- Quality grade: ${s.quality.grade} (${qualityCriteria(s.quality)})`);
    for (const b of s.breaks) out.push(`- Break ${b.date}${b.country_code ? ` (${b.country_code})` : ''}: ${mdCell(b.note)}`);
    for (const j of s.jumps) out.push(`- Jump ${j.country_code} ${j.period}: ${mdCell(j.note)}`);
    for (const c of s.comparability) out.push(`- Comparability, ${c.country_code}: ${mdCell(c.note)}`);
    out.push('');
  }
  return out.join('\n');
}

const yamlString = (s: string) => JSON.stringify(s);

export function buildCitation(release: ReleaseInfo, repository: string | null): string {
  const lines = [
    '# Generated by scripts/pipeline.ts. Do not edit by hand.',
    'cff-version: 1.2.0',
    `message: ${yamlString('If you use this dataset, please cite it as below, with the release id.')}`,
    'type: dataset',
    `title: ${yamlString(DATASET_TITLE)}`,
    `version: ${yamlString(release.id)}`,
    `date-released: ${yamlString(release.created)}`,
    'authors:',
    `  - name: ${yamlString(AUTHORS)}`,
    `license: ${DATA_LICENSE.name}`,
  ];
  if (repository) lines.push(`repository-code: ${yamlString(repository)}`);
  else lines.push('# repository-code: not set (add "repository" to package.json and rerun the pipeline)');
  lines.push(
    'keywords:',
    ...['irregular migration', 'regularization', 'immigration policy', 'Japan', 'South Korea', 'Spain', 'Italy', 'Eurostat'].map((k) => `  - ${yamlString(k)}`),
  );
  return `${lines.join('\n')}\n`;
}
