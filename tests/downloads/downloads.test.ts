/**
 * The researcher's downloads, checked on the built site (dist/, or E2E_DIST): every download link
 * of the data, codebook and changelog pages resolves to a file of the build; every CSV parses
 * (papaparse) to the same rows as its Parquet (hyparquet); the archive holds every table and the
 * metadata, byte for byte; datapackage.json describes every column of every file; the pages show
 * the right row counts and sizes; the frozen releases are served and match their index.
 *
 * Needs `npm run data && npm run build` first (npm test does both).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
const DATA = path.join(DIST, 'data');
const TABLES = ['observations', 'series', 'regularizations', 'rule_changes', 'sources', 'countries'] as const;
const METADATA = ['datapackage.json', 'codebook.json', 'DICTIONARY.md', 'CITATION.cff', 'coverage.csv', 'release.json'];

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

interface Field {
  name: string;
  type: string;
  description?: string;
}
interface Resource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  hash: string;
  rows: number;
  schema: { fields: Field[] };
}

let release: { release_id: string; created: string; row_counts: Record<string, number> };
let dp: { resources: Resource[] };

beforeAll(() => {
  if (!existsSync(path.join(DATA, 'index.html'))) throw new Error(`${DATA}/index.html missing: run \`npm run data && npm run build\` first`);
  release = readJson(path.join(DATA, 'release.json'));
  dp = readJson(path.join(DATA, 'datapackage.json'));
});

function page(sitePath: string): Document {
  const file = path.join(DIST, sitePath, 'index.html');
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

/** A site path (no base) → the file the static server sends for it. */
function fileFor(href: string): string | null {
  const p = decodeURIComponent(href.split('#')[0].split('?')[0]);
  const full = path.join(DIST, p);
  if (existsSync(full) && statSync(full).isFile()) return full;
  if (existsSync(path.join(full, 'index.html'))) return path.join(full, 'index.html');
  return null;
}

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const sitePath = (href: string) => `/${href.slice(base.length)}`;

describe('download links', () => {
  it.each(['data/', 'codebook/', 'changelog/', 'sql/'])('every link of /%s to a file or page of the site resolves', (p) => {
    const doc = page(p);
    const links = Array.from(doc.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!);
    const internal = links.filter((h) => h.startsWith(base) && !h.startsWith('//'));
    expect(internal.length).toBeGreaterThan(3);
    const broken = internal.filter((h) => !fileFor(sitePath(h)));
    expect(broken, `broken links on /${p}`).toEqual([]);
  });

  it('the data page links every table as Parquet and CSV, the archive and every metadata file, all marked as downloads', () => {
    const doc = page('data/');
    const downloads = Array.from(doc.querySelectorAll('a[download]')).map((a) => sitePath(a.getAttribute('href')!));
    for (const t of TABLES) {
      expect(downloads).toContain(`/data/${t}.parquet`);
      expect(downloads).toContain(`/data/${t}.csv`);
    }
    for (const f of METADATA) expect(downloads).toContain(`/data/${f}`);
    expect(downloads).toContain(`/data/irregular-atlas-${release.release_id}.zip`);
    for (const d of downloads) expect(fileFor(d), d).not.toBeNull();
  });

  it('every download is saved under a name that carries its release id', () => {
    const frozen = readJson<{ releases: { id: string }[] }>(path.resolve('data/releases/index.json')).releases.map((r) => r.id);
    for (const p of ['data/', 'changelog/']) {
      for (const a of Array.from(page(p).querySelectorAll('a[download]'))) {
        const href = a.getAttribute('href')!;
        const id = href.includes('/releases/') ? frozen.find((r) => href.includes(`/releases/${r}/`)) : release.release_id;
        expect(id, href).toBeTruthy();
        expect(a.getAttribute('download'), href).toMatch(new RegExp(`^[\\w.-]+_${id!.replace(/\./g, '\\.')}\\.\\w+$|^irregular-atlas-${id!.replace(/\./g, '\\.')}\\.zip$`));
      }
    }
  });

  it('the data page shows the row count and size of every table file', () => {
    const doc = page('data/');
    const rows = Array.from(doc.querySelectorAll('.data-files tbody tr'));
    expect(rows).toHaveLength(TABLES.length);
    const fmt = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`);
    for (const tr of rows) {
      const table = tr.querySelector('th code')!.textContent!;
      const text = tr.textContent!.replace(/\s+/g, ' ');
      expect(text).toContain(new Intl.NumberFormat('en').format(release.row_counts[table]));
      expect(text).toContain(fmt(statSync(path.join(DATA, `${table}.parquet`)).size));
      expect(text).toContain(fmt(statSync(path.join(DATA, `${table}.csv`)).size));
    }
    expect(doc.body.textContent).toContain(release.release_id);
  });
});

/** A Parquet value as the published CSV writes it (see scripts/lib/duckdb-writer.ts). */
function asCsvText(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (type === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

describe('CSV and Parquet hold the same rows', () => {
  it.each(TABLES)('%s: the CSV round-trips through papaparse to the rows of the Parquet file', async (table) => {
    const csv = Papa.parse<string[]>(readFileSync(path.join(DATA, `${table}.csv`), 'utf8'), { header: false, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    const [header, ...rows] = csv.data;
    const file = readFileSync(path.join(DATA, `${table}.parquet`));
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
    const pq = (await parquetReadObjects({ file: buffer, compressors })) as Record<string, unknown>[];
    const fields = dp.resources.find((r) => r.path === `${table}.parquet`)!.schema.fields;
    expect(header).toEqual(fields.map((f) => f.name));
    expect(rows).toHaveLength(pq.length);
    expect(rows).toHaveLength(release.row_counts[table]);
    // Mismatches are collected, not asserted one by one (half a million cells).
    const mismatches: string[] = [];
    for (let i = 0; i < rows.length && mismatches.length < 10; i++) {
      fields.forEach((f, j) => {
        const cell = rows[i][j];
        const value = pq[i][f.name];
        // Numbers compare as numbers: DuckDB and JavaScript may print a double differently.
        const same =
          f.type === 'number' || f.type === 'integer'
            ? value === null || value === undefined
              ? cell === ''
              : cell !== '' && Number(cell) === Number(value)
            : cell === asCsvText(value, f.type);
        if (!same) mismatches.push(`row ${i + 1} ${f.name}: csv ${JSON.stringify(cell)} parquet ${String(value)}`);
      });
    }
    expect(mismatches).toEqual([]);
  });
});

describe('datapackage.json', () => {
  it('lists every table file, with its size, hash and rows', () => {
    const paths = dp.resources.map((r) => r.path).sort();
    expect(paths).toEqual(TABLES.flatMap((t) => [`${t}.csv`, `${t}.parquet`]).sort());
    for (const r of dp.resources) {
      const bytes = readFileSync(path.join(DATA, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${sha(bytes)}`);
      expect(r.rows, r.path).toBe(release.row_counts[r.path.replace(/\.(csv|parquet)$/, '')]);
    }
  });

  it('describes every column of every file: the CSV header and the Parquet schema are exactly its fields', () => {
    for (const r of dp.resources) {
      const names = r.schema.fields.map((f) => f.name);
      for (const f of r.schema.fields) {
        expect(f.type, `${r.path}.${f.name} type`).toMatch(/^(string|number|integer|boolean|date|array)$/);
        expect(f.description ?? '', `${r.path}.${f.name} description`).toMatch(/\S{3,}/);
      }
      const file = readFileSync(path.join(DATA, r.path));
      if (r.format === 'csv') {
        const header = file.toString('utf8').split('\n', 1)[0];
        expect(Papa.parse<string[]>(header).data[0], r.path).toEqual(names);
      } else {
        const meta = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
        expect(meta.schema.slice(1).map((s) => s.name), r.path).toEqual(names);
      }
    }
  });
});

describe('whole-dataset archive', () => {
  it('holds every table (Parquet and CSV), the datapackage and the metadata, identical to the published files', () => {
    const name = `irregular-atlas-${release.release_id}.zip`;
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(DATA, name))));
    const folder = `irregular-atlas-${release.release_id}/`;
    const entries = Object.keys(zip);
    expect(entries.every((e) => e.startsWith(folder))).toBe(true);
    const files = [...TABLES.flatMap((t) => [`${t}.parquet`, `${t}.csv`]), ...METADATA];
    for (const f of files) {
      expect(entries, f).toContain(folder + f);
      if (f === 'release.json') continue;
      expect(sha(zip[folder + f]), f).toBe(sha(readFileSync(path.join(DATA, f))));
    }
    // The zipped release.json is the published one before the archive existed: the same, less
    // the archive's own entry (a file cannot list its own hash); the published one lists the zip.
    const inner = JSON.parse(new TextDecoder().decode(zip[`${folder}release.json`])) as { files: Record<string, unknown> };
    const outer = JSON.parse(readFileSync(path.join(DATA, 'release.json'), 'utf8')) as { files: Record<string, unknown> };
    const { [name]: zipped, ...rest } = outer.files;
    expect(zipped).toEqual({ bytes: readFileSync(path.join(DATA, name)).length, sha256: sha(readFileSync(path.join(DATA, name))) });
    expect(inner).toEqual({ ...outer, files: rest });
    const readme = new TextDecoder().decode(zip[`${folder}README.txt`]);
    expect(readme).toContain(release.release_id);
    for (const t of TABLES) expect(readme).toContain(`${t}.parquet`);
    // The datapackage inside resolves against the files beside it.
    const dpInner = JSON.parse(new TextDecoder().decode(zip[`${folder}datapackage.json`])) as { resources: Resource[] };
    for (const r of dpInner.resources) expect(entries).toContain(folder + r.path);
  });
});

describe('frozen releases on the site', () => {
  const index = readJson<{ latest: string; releases: { id: string; path: string; files: Record<string, { bytes: number; sha256: string }> }[] }>(
    path.resolve('data/releases/index.json'),
  );

  it('has at least one release, and every file of every release is served as frozen', () => {
    expect(index.releases.length).toBeGreaterThan(0);
    for (const r of index.releases) {
      expect(Object.keys(r.files).sort()).toEqual([...TABLES.map((t) => `${t}.parquet`), 'datapackage.json', 'release.json'].sort());
      for (const [name, f] of Object.entries(r.files)) {
        const served = readFileSync(path.join(DIST, 'releases', r.path, name));
        expect(served.length, `${r.id}/${name}`).toBe(f.bytes);
        expect(sha(served), `${r.id}/${name}`).toBe(f.sha256);
      }
    }
  });

  it('the changelog has a section per release and the data page lists them', () => {
    const changelog = page('changelog/');
    const data = page('data/');
    for (const r of index.releases) {
      expect(changelog.getElementById(`release-${r.id}`), r.id).not.toBeNull();
      expect(data.body.textContent).toContain(r.id);
    }
  });
});
