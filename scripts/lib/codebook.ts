/**
 * Metadata of the published dataset: column descriptions (taken once from the JSDoc lines in
 * src/lib/schema.ts; tests/etl/pipeline-codebook.test.ts fails when the two drift apart),
 * and the generators for datapackage.json, codebook.json, DICTIONARY.md and CITATION.cff.
 */
import {
  DATE_KINDS,
  DIRECTIONS,
  PERIOD_TYPES,
  REGULARIZATION_KINDS,
  RULE_CATEGORIES,
  SERIES_CATEGORIES,
  SOURCE_KINDS,
  UNITS,
  VALUE_KINDS,
  type Series,
  type Source,
  type TableName,
} from '../../src/lib/schema.ts';
import { qualityCriteria } from '../../src/lib/quality.ts';
import { FOREIGN_KEYS, PRIMARY_KEYS, TABLE_ORDER, publishedColumns, type SqlType } from './tables.ts';

export const DATASET_NAME = 'irregular-atlas';
export const DATASET_TITLE = 'Irregular Atlas: irregular residence, regularizations and immigration rule changes';
export const AUTHORS = 'Irregular Atlas contributors';
/**
 * Licence of the compiled dataset. Figures stay subject to each publisher's terms, which the
 * `sources.license` column records row by row.
 */
export const DATA_LICENSE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' };

/** Field descriptions per table. Where schema.ts has a JSDoc line, the text here is identical. */
export const DESCRIPTIONS: Record<TableName, Record<string, string>> = {
  observations: {
    series_id: 'Series this value belongs to (see `series`).',
    country_code: 'ISO 3166-1 alpha-3 code or aggregate code (see `countries`).',
    period: 'Reference period as published: a year, quarter, half, month or a reference date.',
    period_start: 'First day the value refers to (for a stock at a date: that date).',
    period_end: 'Last day the value refers to (for a stock at a date: that date).',
    period_type: 'stock at a date, flow over the window, cumulative total over the window, or average over it.',
    sex: 'Sex breakdown: female, male; null for both sexes.',
    age: 'Age band as published (Eurostat style, e.g. Y15-74); null when all ages.',
    citizenship_code: 'Citizenship breakdown: ISO3 code or group (FOR, NAT, EU27_2020_FOR, NEU27_2020_FOR, STLS); null for all.',
    status: 'Other breakdown (last status of residence, reason, permit type…) as a snake_case code; null for total.',
    value: 'The number.',
    unit: 'Unit of `value`.',
    value_kind: 'What the value is: a count, an estimate (central/low/high), a rate, a quota or a cumulative total.',
    flags: 'Eurostat-style flags: b break, e estimated, p provisional, u low reliability, c confidential, r revised, d definition differs.',
    is_preferred: 'True for the one value the charts use where several sources give one; false for alternatives.',
    source_id: 'Source of this value (see `sources`).',
    note: "Project's own note on this value (rounding, revision, what differs).",
  },
  series: {
    series_id: 'Stable id, snake_case (`jpn_overstayers`, `eurostat_migr_eipre`).',
    title: 'Short title for charts.',
    category: 'Category, for navigation.',
    unit: 'Unit of the values.',
    definition: 'Plain-language definition.',
    counts: 'Who is counted.',
    excludes: 'Who is not counted (the caveat that matters when comparing).',
    measure: 'Stock at a reference date, flow over a period, or a rate.',
    breaks: 'Breaks in the series: dates and what changed (country_code null: every country).',
    comparability: 'Comparability notes by country.',
    preference_note: 'Which source the charts prefer where sources disagree, and why.',
    jumps: 'Year-on-year jumps above 3x that are real or unexplained by a break, listed with what is known.',
    quality: 'Quality grade of an estimate series (null for counts): four criteria and the grade they give.',
  },
  regularizations: {
    regularization_id: 'Stable id `<iso3-lower>-<year>-<slug>`.',
    country_code: 'Country that ran the programme (see `countries`).',
    name_native: "Name in the country's language, where known.",
    name_en: "English name (project's wording).",
    kind: 'One-off programme, worker legalization, standing mechanism (whole or one year), or a voluntary-departure amnesty kept for comparison.',
    start_date: 'Start (application window opens) as precise as known.',
    end_date: 'End (window closes) as precise as known.',
    legal_basis: 'Law, decree or instrument.',
    target_group: "Who could apply (project's wording).",
    applications: 'Applications received (unit per `figures_note`).',
    approvals: 'Approvals / grants.',
    rejections: 'Rejections.',
    conditions: "Conditions of eligibility (project's wording).",
    figures_note: 'What the figures count (persons vs files, interim vs final) and disagreements between sources.',
    source_id: 'Source of the figures and dates.',
    other_source_ids: 'Further sources, `;`-separated.',
  },
  rule_changes: {
    rule_change_id: 'Stable id `<iso3-lower>-<year>-<slug>`.',
    country_code: 'Country whose rules changed (see `countries`).',
    date: 'Date as precise as known.',
    date_kind: 'What the date is: enacted, entry into force, or announced.',
    title_native: 'Title of the law or measure in the original language, where known.',
    title_en: "English title (project's wording where no official translation exists).",
    category: 'Area of migration policy the change belongs to.',
    policy_area: 'DEMIG policy area (legal_entry_and_stay, integration, border_and_land_control, exit), where coded.',
    policy_tool: 'DEMIG policy tool, where coded.',
    target_group: 'Group targeted, where coded.',
    direction: 'Overall direction where the cited text supports it; null otherwise.',
    summary: "Project's own one- or two-sentence summary.",
    source_id: 'Main source of the date and content (see `sources`).',
    other_source_ids: 'Further sources, `;`-separated.',
  },
  sources: {
    source_id: 'Stable id, `<publisher>-<document>` in kebab case.',
    publisher: 'Organisation that published the document (for reposts: the original authority, then the carrier).',
    title: 'Title as published (original language).',
    url: 'Where the document was read.',
    published: 'Publication date as precise as known.',
    accessed: "When the project's copy was read.",
    license: 'Licence or terms of reuse, as far as known.',
    kind: 'primary: the official publisher; secondary: press or research quoting it; dataset: a machine-readable dataset.',
    language: 'ISO 639-1 language of the document.',
    note: "Project's own remark on the source (reliability, repost, what to re-check).",
  },
  countries: {
    country_code: 'ISO 3166-1 alpha-3 code, or an aggregate code such as EU27_2020.',
    name_en: 'Name in English.',
    name_ja: 'Name in Japanese, where given.',
    name_ko: 'Name in Korean, where given.',
    name_es: 'Name in Spanish, where given.',
    name_it: 'Name in Italian, where given.',
    is_aggregate: 'True for EU27_2020 and other aggregates.',
    eurostat_geo: 'Eurostat geo code (ES, IT, EL…), where Eurostat publishes it.',
  },
};

/** Closed vocabularies, published as enum constraints. */
const ENUMS: Partial<Record<TableName, Record<string, readonly string[]>>> = {
  observations: { sex: ['female', 'male'], unit: UNITS, value_kind: VALUE_KINDS, period_type: PERIOD_TYPES },
  series: { category: SERIES_CATEGORIES, unit: UNITS, measure: ['stock', 'flow', 'rate'] },
  regularizations: { kind: REGULARIZATION_KINDS },
  rule_changes: { date_kind: DATE_KINDS, category: RULE_CATEGORIES, direction: DIRECTIONS },
  sources: { kind: SOURCE_KINDS },
};

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
  const base = DESCRIPTIONS[table][field];
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
    const values = ENUMS[table]?.[col.field];
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
        ...(ENUMS[table]?.[c.field] ? { values: [...ENUMS[table]![c.field]] } : {}),
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
    'This file is generated: edit the schema (src/lib/schema.ts), the descriptions (scripts/lib/codebook.ts) or the series files (data/series/*.yml), then run `npm run data`.',
    '',
    `Created ${release.created}. Every table is published as Parquet (zstd) and CSV (UTF-8, comma, header, ISO dates, empty cell = null).`,
    '',
  ];
  for (const table of TABLE_ORDER) {
    out.push(`## ${table}`, '', TABLE_DESCRIPTIONS[table], '', `Files: \`${table}.parquet\`, \`${table}.csv\` — ${release.rowCounts[table]} rows.`, '');
    out.push('| column | type | null? | description |', '|---|---|---|---|');
    for (const c of publishedColumns(table)) {
      const values = ENUMS[table]?.[c.field];
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

/**
 * Field docs as written in schema.ts, for the sync test: `{ Source: { source_id: '…' } }`.
 * Only fields with a JSDoc line right above them are returned.
 */
export function extractSchemaDocs(schemaSource: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const m of schemaSource.matchAll(/export const (\w+) = z\.object\(\{\n([\s\S]*?)\n\}\);/g)) {
    const docs: Record<string, string> = {};
    let pending: string | null = null;
    for (const raw of m[2].split('\n')) {
      const line = raw.trim();
      const doc = line.match(/^\/\*\*\s*(.*?)\s*\*\/$/);
      if (doc) {
        pending = doc[1];
        continue;
      }
      const field = line.match(/^(\w+)(:|,)/);
      if (field) {
        if (pending) docs[field[1]] = pending;
        pending = null;
      }
    }
    out[m[1]] = docs;
  }
  return out;
}
