/**
 * The pipeline on the fixture (tests/fixtures/pipeline: a few real rows cut from
 * /work/shared/data/reference and a cut of Eurostat's migr_eipre export).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SORT_KEYS, type TableName } from '../../src/lib/schema.ts';
import type { PipelineResult } from '../../scripts/pipeline.ts';
import { TABLE_ORDER, publishedColumns } from '../../src/lib/contract/tables.ts';
import { sha256 } from '../../scripts/lib/release.ts';
import { publishAtomically, tempDirFor } from '../../scripts/lib/publish.ts';
import { exists } from '../fixtures/pipeline/helpers.ts';
import { copyFixture, hashTree, leftovers, makeTempDir, runFixture, type FixtureCopy } from '../fixtures/pipeline/helpers.ts';

// The archive step can be made to fail, to prove it runs before the swap.
const archiveFailure = vi.hoisted(() => ({ fail: false }));
vi.mock('../../scripts/package-archive.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/package-archive.ts')>();
  return {
    ...real,
    packageArchive: async (dir?: string) => {
      if (archiveFailure.fail) throw new Error('disk full: simulated');
      return real.packageArchive(dir);
    },
  };
});

let base: string;
let input: FixtureCopy;
let outDir: string;
let result: PipelineResult;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
const pq = (t: string) => `read_parquet(${lit(join(outDir, `${t}.parquet`))})`;

beforeAll(async () => {
  base = await makeTempDir();
  input = await copyFixture(base);
  outDir = join(base, 'public', 'data');
  result = await runFixture(input, outDir);
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});

afterAll(async () => {
  conn?.closeSync();
  instance?.closeSync();
  await rm(base, { recursive: true, force: true });
});

describe('pipeline on the fixture', () => {
  it('writes every table as Parquet and CSV, plus the metadata files', async () => {
    const files = Object.keys(await hashTree(outDir)).sort();
    const expected = [
      ...TABLE_ORDER.flatMap((t) => [`${t}.csv`, `${t}.parquet`]),
      'CITATION.cff',
      'DICTIONARY.md',
      'codebook.json',
      'coverage.csv',
      'datapackage.json',
      'release.json',
      `irregular-atlas-${result.releaseId}.zip`,
    ].sort();
    expect(files).toEqual(expected);
    expect(await leftovers(outDir)).toEqual([]);
  });

  it('counts rows per table and per series', () => {
    expect(result.rowCounts).toEqual({ observations: 22, series: 5, regularizations: 2, rule_changes: 2, sources: 11, countries: 5 });
    expect(result.seriesRowCounts).toMatchObject({ jpn_overstayers: 8, kor_illegal_stay: 4, eurostat_migr_eipre: 6 });
    expect(result.sources).toEqual([expect.objectContaining({ id: 'eurostat-migr-eipre', rows: 6 })]);
  });

  it.each(TABLE_ORDER)('%s: DuckDB reads the Parquet, with schema types and zstd, and the CSV has the same rows', async (table) => {
    const [{ n }] = await rows(`SELECT count(*)::INTEGER AS n FROM ${pq(table)}`);
    expect(n).toBe(result.rowCounts[table]);
    const described = await rows(`DESCRIBE SELECT * FROM ${pq(table)}`);
    expect(described.map((d) => [d.column_name, d.column_type])).toEqual(publishedColumns(table).map((c) => [c.name, c.sql]));
    const codecs = await rows(`SELECT DISTINCT compression FROM parquet_metadata(${lit(join(outDir, `${table}.parquet`))})`);
    expect(codecs.map((c) => String(c.compression).toUpperCase())).toEqual(['ZSTD']);

    const csvText = await readFile(join(outDir, `${table}.csv`), 'utf8');
    const parsed = Papa.parse<string[]>(csvText.trimEnd(), { delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(publishedColumns(table).map((c) => c.name));
    expect(parsed.data.length - 1).toBe(n);
    // DuckDB's own CSV reader agrees (quoted newlines included).
    const [{ m }] = await rows(`SELECT count(*)::INTEGER AS m FROM read_csv(${lit(join(outDir, `${table}.csv`))}, header = true, all_varchar = true)`);
    expect(m).toBe(n);
  });

  it('Parquet and CSV hold the same values (CSV: ISO dates, whole numbers without ".0")', async () => {
    const fromParquet = await rows(`SELECT * FROM ${pq('observations')}`);
    const csv = Papa.parse<Record<string, string>>((await readFile(join(outDir, 'observations.csv'), 'utf8')).trimEnd(), { header: true });
    expect(csv.data.length).toBe(fromParquet.length);
    fromParquet.forEach((p, i) => {
      const c = csv.data[i];
      expect(c.series_id).toBe(p.series_id);
      expect(c.period_start).toBe(p.period_start);
      expect(Number(c.value)).toBe(p.value);
      expect(c.value).not.toMatch(/\.0$/);
      expect(c.is_preferred).toBe(String(p.is_preferred));
      expect(c.sex === '' ? null : c.sex).toBe(p.sex);
    });
  });

  it('datapackage.json describes every column of every file', async () => {
    const dp = JSON.parse(await readFile(join(outDir, 'datapackage.json'), 'utf8'));
    expect(dp.version).toBe(result.releaseId);
    expect(dp.licenses.length).toBeGreaterThan(0);
    expect(dp.sources.length).toBe(result.rowCounts.sources);
    const paths = dp.resources.map((r: { path: string }) => r.path).sort();
    expect(paths).toEqual(TABLE_ORDER.flatMap((t) => [`${t}.csv`, `${t}.parquet`]).sort());
    const frictionless: Record<string, string> = { VARCHAR: 'string', DATE: 'date', DOUBLE: 'number', BIGINT: 'integer', BOOLEAN: 'boolean' };
    for (const res of dp.resources) {
      const table = res.path.replace(/\.(csv|parquet)$/, '') as TableName;
      const fileCols =
        res.format === 'csv'
          ? Papa.parse<string[]>((await readFile(join(outDir, res.path), 'utf8')).split('\n')[0]).data[0]
          : (await rows(`DESCRIBE SELECT * FROM read_parquet(${lit(join(outDir, res.path))})`)).map((d) => String(d.column_name));
      expect(res.schema.fields.map((f: { name: string }) => f.name)).toEqual(fileCols);
      for (const [i, f] of res.schema.fields.entries()) {
        expect(f.description, `${res.path} ${f.name}`).toMatch(/\S{3,}/);
        const col = publishedColumns(table)[i];
        expect(f.type).toBe(col.name.endsWith('_json') ? 'array' : frictionless[col.sql]);
      }
      expect(res.hash).toBe(`sha256:${sha256(await readFile(join(outDir, res.path)))}`);
      expect(res.schema.primaryKey ?? res.schema.uniqueKeys).toBeTruthy();
    }
    const obs = dp.resources.find((r: { path: string }) => r.path === 'observations.csv');
    expect(obs.schema.foreignKeys.map((fk: { reference: { resource: string } }) => fk.reference.resource).sort()).toEqual(['countries', 'series', 'sources']);
    expect(obs.schema.fields.find((f: { name: string }) => f.name === 'value').unit).toMatch(/unit/);
  });

  it('derives period_start and period_end from period', async () => {
    const got = await rows(
      `SELECT DISTINCT period, strftime(period_start, '%Y-%m-%d') AS s, strftime(period_end, '%Y-%m-%d') AS e FROM ${pq('observations')} ORDER BY period`,
    );
    const byPeriod = Object.fromEntries(got.map((r) => [r.period, [r.s, r.e]]));
    expect(byPeriod['2014']).toEqual(['2014-01-01', '2014-12-31']);
    expect(byPeriod['2016']).toEqual(['2016-01-01', '2016-12-31']);
    expect(byPeriod['2024-01-01']).toEqual(['2024-01-01', '2024-01-01']);
    expect(byPeriod['2013-12-31']).toEqual(['2013-12-31', '2013-12-31']);
  });

  it.each(TABLE_ORDER)('%s rows are in SORT_KEYS order (nulls first)', async (table) => {
    const data = await rows(`SELECT * FROM ${pq(table)}`);
    const keys = SORT_KEYS[table];
    const cmp = (a: Record<string, unknown>, b: Record<string, unknown>) => {
      for (const k of keys) {
        const x = a[k] as string | null;
        const y = b[k] as string | null;
        if (x === y) continue;
        if (x === null) return -1;
        if (y === null) return 1;
        return x < y ? -1 : 1;
      }
      return 0;
    };
    for (let i = 1; i < data.length; i++) expect(cmp(data[i - 1], data[i]), `${table} row ${i}`).toBeLessThanOrEqual(0);
  });

  it('keeps alternatives and quoted newlines, and one preferred row per key', async () => {
    const kor = await rows(`SELECT source_id, is_preferred FROM ${pq('observations')} WHERE series_id = 'kor_illegal_stay' AND citizenship_code IS NULL ORDER BY source_id`);
    expect(kor).toEqual([
      { source_id: '1koreanews-kis-2013', is_preferred: true },
      { source_id: 'yonhap-daum-2015-01-27', is_preferred: false },
    ]);
    const [{ note }] = await rows(`SELECT note FROM ${pq('observations')} WHERE series_id = 'ita_irregular_estimate_pew' AND value_kind = 'estimate_low'`);
    expect(note).toBe('Includes asylum seekers\nawaiting a decision.');
  });

  it('stores series breaks and comparability as JSON text, and in full in codebook.json', async () => {
    const [s] = await rows(`SELECT breaks_json, comparability_json FROM ${pq('series')} WHERE series_id = 'jpn_overstayers'`);
    expect(JSON.parse(String(s.breaks_json))).toEqual([{ date: '1997', note: 'Reference date moved from 1 May to 1 January.', country_code: null }]);
    expect(JSON.parse(String(s.comparability_json))[0].country_code).toBe('JPN');
    const codebook = JSON.parse(await readFile(join(outDir, 'codebook.json'), 'utf8'));
    const yml = parseYaml(await readFile(join(input.seriesDir, 'fixture.yml'), 'utf8')) as { series_id: string; comparability: unknown }[];
    for (const s of yml) {
      const entry = codebook.series.find((c: { series_id: string }) => c.series_id === s.series_id);
      expect(entry.comparability).toEqual(s.comparability);
    }
    expect(codebook.tables.map((t: { name: string }) => t.name)).toEqual(TABLE_ORDER);
  });

  it('writes release.json with the release id, counts and a hash of every file', async () => {
    expect(result.releaseId).toMatch(/^2026\.11\.23-[0-9a-f]{8}$/);
    const release = JSON.parse(await readFile(join(outDir, 'release.json'), 'utf8'));
    expect(release.release_id).toBe(result.releaseId);
    expect(release.row_counts).toEqual(result.rowCounts);
    expect(release.series_row_counts).toEqual(result.seriesRowCounts);
    const tree = await hashTree(outDir);
    delete tree['release.json'];
    expect(Object.fromEntries(Object.entries(release.files).map(([k, v]) => [k, (v as { sha256: string }).sha256]))).toEqual(tree);
    const concatenated = Buffer.concat(await Promise.all(TABLE_ORDER.map((t) => readFile(join(outDir, `${t}.csv`)))));
    expect(result.releaseId.slice(11)).toBe(sha256(concatenated).slice(0, 8));
  });

  it('builds the whole-release zip before the swap; release.json records its hash, the zipped release.json lists the rest', async () => {
    const name = `irregular-atlas-${result.releaseId}.zip`;
    expect(result.archive.name).toBe(name);
    const release = JSON.parse(await readFile(join(outDir, 'release.json'), 'utf8'));
    const zip = await readFile(join(outDir, name));
    expect(release.files[name]).toEqual({ bytes: zip.length, sha256: sha256(zip) });
    const entries = unzipSync(new Uint8Array(zip));
    const inner = JSON.parse(new TextDecoder().decode(entries[`irregular-atlas-${result.releaseId}/release.json`]));
    expect(inner.files[name]).toBeUndefined();
    const { [name]: _zip, ...rest } = release.files;
    expect(inner.files).toEqual(rest);
  });

  it('a failure while zipping (inside the temp folder) leaves the previous publication byte-for-byte', async () => {
    const target = join(base, 'zip-fails');
    await runFixture(input, target);
    await writeFile(join(target, 'marker.txt'), 'the previous publication');
    const before = await hashTree(target);
    archiveFailure.fail = true;
    try {
      await expect(runFixture(input, target)).rejects.toThrow('simulated');
    } finally {
      archiveFailure.fail = false;
    }
    expect(await hashTree(target)).toEqual(before);
    expect(await leftovers(target)).toEqual([]);
  });

  it('a publication identical to a frozen release takes its id and date; different content does not', async () => {
    const releases = join(base, 'frozen');
    const frozenId = '2026.01.02-0000abcd';
    await mkdir(join(releases, frozenId), { recursive: true });
    const manifest = JSON.parse(await readFile(join(outDir, 'release.json'), 'utf8'));
    await writeFile(join(releases, frozenId, 'release.json'), JSON.stringify({ ...manifest, release_id: frozenId, created: '2026-01-02' }));
    const same = await runFixture(input, join(base, 'same-as-frozen'), { releasesDir: releases, releaseDate: '2026-12-05' });
    expect(same.releaseId).toBe(frozenId);
    expect(same.matchedRelease).toBe(frozenId);
    const cff = await readFile(join(base, 'same-as-frozen', 'CITATION.cff'), 'utf8');
    expect(cff).toContain('date-released: "2026-01-02"');

    const copy = await copyFixture(base, 'changed-input');
    const f = join(copy.curatedDir, 'countries.csv');
    await writeFile(f, (await readFile(f, 'utf8')).replace('Japan', 'Japan (changed)'));
    const other = await runFixture(copy, join(base, 'differs'), { releasesDir: releases, releaseDate: '2026-12-05' });
    expect(other.releaseId).toMatch(/^2026\.12\.05-[0-9a-f]{8}$/);
    expect(other.matchedRelease).toBeNull();
  });

  it('writes CITATION.cff and a DICTIONARY.md that says it is generated', async () => {
    const cff = await readFile(join(outDir, 'CITATION.cff'), 'utf8');
    expect(cff).toContain(`version: "${result.releaseId}"`);
    expect(cff).toContain('name: "Irregular Atlas contributors"');
    expect(cff).toContain('date-released: "2026-11-23"');
    const dict = await readFile(join(outDir, 'DICTIONARY.md'), 'utf8');
    expect(dict.split('\n')[0]).toMatch(/Generated by scripts\/pipeline\.ts/);
    expect(dict).toContain('`period_start`');
    expect(dict).toContain('### `jpn_overstayers`');
  });

  it('is reproducible: same input, same release id and same CSV bytes', async () => {
    const again = join(base, 'again');
    const second = await runFixture(input, again);
    expect(second.releaseId).toBe(result.releaseId);
    for (const t of TABLE_ORDER) {
      expect(await readFile(join(again, `${t}.csv`))).toEqual(await readFile(join(outDir, `${t}.csv`)));
    }
  });

  it('replaces an existing publication and leaves no temp folder', async () => {
    const target = join(base, 'replace');
    await runFixture(input, target);
    await writeFile(join(target, 'stale-file.txt'), 'from an older release');
    const r = await runFixture(input, target);
    const files = Object.keys(await hashTree(target));
    expect(files).not.toContain('stale-file.txt');
    expect(r.releaseId).toBe(result.releaseId);
    expect(await leftovers(target)).toEqual([]);
  });

  it('accepts a BOM and CRLF line endings', async () => {
    const copy = await copyFixture(base, 'bom-crlf');
    const f = join(copy.curatedDir, 'observations', 'japan-korea.csv');
    await writeFile(f, `\uFEFF${(await readFile(f, 'utf8')).replace(/\n/g, '\r\n')}`);
    const r = await runFixture(copy, join(base, 'bom-out'));
    expect(r.rowCounts.observations).toBe(result.rowCounts.observations);
    expect(r.releaseId).toBe(result.releaseId);
  });

  it('allows approvals above applications when figures_note explains', async () => {
    const copy = await copyFixture(base, 'approvals');
    const f = join(copy.curatedDir, 'regularizations.csv');
    await writeFile(f, (await readFile(f, 'utf8')).replace(',705404,634728,', ',605404,634728,'));
    const r = await runFixture(copy, join(base, 'approvals-out'));
    expect(r.rowCounts.regularizations).toBe(2);
  });

  it('a failure after writing into the temp folder (e.g. a failed check) removes it and keeps the publication', async () => {
    const target = join(base, 'atomic');
    await runFixture(input, target);
    const before = await hashTree(target);
    let sawTemp = false;
    await expect(
      publishAtomically(target, async (tmp) => {
        expect(tmp).toBe(tempDirFor(target));
        await writeFile(join(tmp, 'observations.csv'), 'half-written');
        sawTemp = await exists(tmp);
        throw new Error('check failed: simulated');
      }),
    ).rejects.toThrow('simulated');
    expect(sawTemp).toBe(true);
    expect(await hashTree(target)).toEqual(before);
    expect(await leftovers(target)).toEqual([]);
  });
});
