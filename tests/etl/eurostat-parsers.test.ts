/**
 * The Eurostat format parsers on small inline inputs cut from the real files, and every kind of
 * bad input: each must stop with an InputError that names the file and the line.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../scripts/lib/errors.ts';
import { apiUrl, fetchDataset, isOnline, resolveRawDir, snapshotFile } from '../../scripts/lib/eurostat/fetch.ts';
import { checkFlags, toSchemaFlags } from '../../scripts/lib/eurostat/flags.ts';
import { geoLabelToGeo, geoToCountry } from '../../scripts/lib/eurostat/geo.ts';
import { parseJsonStat } from '../../scripts/lib/eurostat/json-stat.ts';
import { labelToCode } from '../../scripts/lib/eurostat/labels.ts';
import { createEurostatModule, resolveVintages, toDraft } from '../../scripts/lib/eurostat/module.ts';
import { parseSdmxCsv } from '../../scripts/lib/eurostat/sdmx-csv.ts';
import { parseEurostatTsv } from '../../scripts/lib/eurostat/tsv.ts';
import { eurostatMigrEipre } from '../../scripts/sources/eurostat-migr-eipre.ts';
import { FIXTURE_RAW } from '../fixtures/eurostat/golden.ts';

/** Run fn and return the InputError it throws (fails the test if it throws nothing else). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}
async function inputErrorAsync(fn: () => Promise<unknown>): Promise<InputError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const TSV_HEAD = 'freq,unit,sex,age,citizen,geo\\TIME_PERIOD\t2020 \t2021 \t2022 \r\n';

describe('bulk TSV', () => {
  it('reads values, flags and ":" cells', () => {
    const text = TSV_HEAD + 'A,PC,F,Y20-64,EU27_2020_FOR,AT\t8.5 \t9.2 b\t: u\r\nA,PC,F,Y20-64,EU27_2020_FOR,BA\t: \t: bu\t: u\r\n';
    const { records, missing, dims, times } = parseEurostatTsv(text, 'x.tsv');
    expect(dims).toEqual(['freq', 'unit', 'sex', 'age', 'citizen', 'geo']);
    expect(times).toEqual(['2020', '2021', '2022']);
    expect(missing).toBe(4);
    expect(records.map((r) => [r.dims.geo, r.time, r.value, r.flags, r.origin.line])).toEqual([
      ['AT', '2020', 8.5, null, 2],
      ['AT', '2021', 9.2, 'b', 2],
    ]);
  });

  it('rejects a line with the wrong number of cells', () => {
    const e = inputError(() => parseEurostatTsv(TSV_HEAD + 'A,PC,F,Y20-64,NAT,AT\t8.5 \t9.2 b\r\n', 'bad.tsv'));
    expect([e.file, e.line]).toEqual(['bad.tsv', 2]);
    expect(e.reason).toMatch(/malformed line/);
  });

  it('rejects a key with too few codes', () => {
    const e = inputError(() => parseEurostatTsv(TSV_HEAD + 'A,PC,F,AT\t1 \t2 \t3 \r\n', 'bad.tsv'));
    expect(e.line).toBe(2);
    expect(e.reason).toMatch(/expected 6 comma-separated codes/);
  });

  it('rejects a non-numeric value, naming the period column', () => {
    const e = inputError(() => parseEurostatTsv(TSV_HEAD + 'A,PC,F,Y20-64,NAT,AT\t8.5 \tn/a \t3 \r\n', 'bad.tsv'));
    expect([e.file, e.line, e.column]).toEqual(['bad.tsv', 2, '2021']);
    expect(e.reason).toMatch(/not a number/);
  });

  it('rejects an unknown flag', () => {
    const e = inputError(() => parseEurostatTsv(TSV_HEAD + 'A,PC,F,Y20-64,NAT,AT\t8.5 \t9.2 q\t3 \r\n', 'bad.tsv'));
    expect([e.line, e.column]).toEqual([2, '2021']);
    expect(e.reason).toMatch(/unknown Eurostat flag "q"/);
  });

  it('rejects a file that is not a Eurostat TSV', () => {
    expect(inputError(() => parseEurostatTsv('a,b,c\n1,2,3\n', 'x.tsv')).line).toBe(1);
  });
});

describe('SDMX-CSV', () => {
  const LABELLED =
    'DATAFLOW,LAST UPDATE,freq,unit,sex,age,citizen,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n' +
    'ESTAT:LFSA_UGAN(1.0),13/03/25 23:00:00,Annual,Thousand persons,Females,From 15 to 74 years,EU27 countries (from 2020) except reporting country,Austria,2014,13.0,,\n' +
    'ESTAT:LFSA_UGAN(1.0),13/03/25 23:00:00,Annual,Thousand persons,Total,From 15 to 74 years,No response,Euro area – 20 countries (from 2023),2015,,u,\n' +
    'ESTAT:LFSA_UGAN(1.0),13/03/25 23:00:00,Annual,Thousand persons,Total,From 15 to 74 years,Stateless,Türkiye,2016,1.5,bu,\n';

  it('maps a label export to codes', () => {
    const r = parseSdmxCsv(LABELLED, 'l.csv');
    expect([r.dataset, r.lastUpdate, r.missing]).toEqual(['LFSA_UGAN', '2025-03-13', 1]);
    expect(r.records.map((x) => x.dims)).toEqual([
      { freq: 'A', unit: 'THS_PER', sex: 'F', age: 'Y15-74', citizen: 'EU27_2020_FOR', geo: 'AT' },
      { freq: 'A', unit: 'THS_PER', sex: 'T', age: 'Y15-74', citizen: 'STLS', geo: 'TR' },
    ]);
    expect(r.records[1]).toMatchObject({ value: 1.5, flags: 'bu', origin: { file: 'l.csv', line: 4 } });
  });

  it('reads the SDMX-CSV 2.0 codes-and-labels export, ignoring label columns', () => {
    const text =
      'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,unit,Unit of measure,sex,Sex,age,Age class,citizen,Country of citizenship,geo,Geopolitical entity (reporting),TIME_PERIOD,Time,OBS_VALUE,Observation value,OBS_FLAG,Observation status (Flag) V2 structure,CONF_STATUS,Confidentiality status (flag)\r\n' +
      'dataflow,ESTAT:LFSA_ERGAN(1.0),"Employment rates by sex, age and citizenship (%)",A,Annual,PC,Percentage,F,Females,Y15-64,From 15 to 64 years,FOR,Foreign country,EL,Greece,1995,,59.3,,bd,"break in time series, definition differs (see metadata)",,\r\n';
    const r = parseSdmxCsv(text, 'c.csv');
    expect(r.dataset).toBe('LFSA_ERGAN');
    expect(r.dims).toEqual(['freq', 'unit', 'sex', 'age', 'citizen', 'geo']);
    expect(r.records).toEqual([
      { dims: { freq: 'A', unit: 'PC', sex: 'F', age: 'Y15-64', citizen: 'FOR', geo: 'EL' }, time: '1995', value: 59.3, flags: 'bd', origin: { file: 'c.csv', line: 2 } },
    ]);
  });

  it('rejects an unknown geo label with file and line', () => {
    const bad = LABELLED.replace('Austria', 'Atlantis');
    const e = inputError(() => parseSdmxCsv(bad, 'l.csv'));
    expect([e.file, e.line, e.column]).toEqual(['l.csv', 2, 'geo']);
    expect(e.message).toMatch(/^l\.csv:2 \[geo\]: unknown Eurostat geo label "Atlantis"/);
  });

  it('rejects an unknown dimension label', () => {
    const e = inputError(() => parseSdmxCsv(LABELLED.replace('Females', 'Women'), 'l.csv'));
    expect([e.line, e.column]).toEqual([2, 'sex']);
  });

  it('rejects a non-numeric value and a bad flag', () => {
    expect(inputError(() => parseSdmxCsv(LABELLED.replace(',13.0,', ',13,0,'), 'l.csv')).reason).toMatch(/cells where the header has/);
    const nn = inputError(() => parseSdmxCsv(LABELLED.replace(',1.5,', ',1.5x,'), 'l.csv'));
    expect([nn.line, nn.column]).toEqual([4, 'OBS_VALUE']);
    const fl = inputError(() => parseSdmxCsv(LABELLED.replace(',bu,', ',bx,'), 'l.csv'));
    expect([fl.line, fl.column]).toEqual([4, 'OBS_FLAG']);
  });
});

describe('JSON-stat', () => {
  const doc = {
    version: '2.0',
    class: 'dataset',
    updated: '2026-05-12T11:00:00+0200',
    id: ['freq', 'unit', 'geo', 'time'],
    size: [1, 1, 2, 3],
    dimension: {
      freq: { category: { index: { A: 0 } } },
      unit: { category: { index: ['PER'] } },
      geo: { category: { index: { ES: 0, EL: 1 } } },
      time: { category: { index: { '2020': 0, '2021': 1, '2022': 2 } } },
    },
    value: { '5': 30, '0': 10, '2': 12 },
    status: { '2': 'bep' },
    extension: { id: 'MIGR_EIPRE' },
  };

  it('walks the cube in row-major order, sparse values and status included', () => {
    const r = parseJsonStat(JSON.stringify(doc), 'j.json');
    expect([r.dataset, r.updated]).toEqual(['MIGR_EIPRE', '2026-05-12']);
    expect(r.records.map((x) => [x.dims.geo, x.time, x.value, x.flags, x.origin.path])).toEqual([
      ['ES', '2020', 10, null, 'value[0]'],
      ['ES', '2022', 12, 'bep', 'value[2]'],
      ['EL', '2022', 30, null, 'value[5]'],
    ]);
  });

  it('accepts a dense value array with nulls', () => {
    const r = parseJsonStat(JSON.stringify({ ...doc, value: [1, null, 3, null, null, 6], status: [] }), 'j.json');
    expect(r.records.map((x) => x.value)).toEqual([1, 3, 6]);
    expect(r.missing).toBe(3);
  });

  it('rejects indexes outside the cube, non-numbers, size mismatches and bad flags', () => {
    expect(inputError(() => parseJsonStat(JSON.stringify({ ...doc, value: { '6': 1 } }), 'j.json')).column).toBe('value[6]');
    expect(inputError(() => parseJsonStat(JSON.stringify({ ...doc, value: { '1': '12' } }), 'j.json')).reason).toMatch(/not a number/);
    expect(inputError(() => parseJsonStat(JSON.stringify({ ...doc, size: [1, 1, 3, 3] }), 'j.json')).column).toBe('geo');
    expect(inputError(() => parseJsonStat(JSON.stringify({ ...doc, status: { '0': 'x' } }), 'j.json')).column).toBe('status[0]');
    expect(inputError(() => parseJsonStat('{"error":{"status":400}}', 'j.json')).reason).toMatch(/API error/);
    expect(inputError(() => parseJsonStat('{not json', 'j.json')).line).toBe(0);
  });
});

describe('flags and geo codes', () => {
  it('keeps schema flags and moves f and s into the note', () => {
    expect(checkFlags(' bu ', 'f', 1, null)).toBe('bu');
    expect(toSchemaFlags('bep')).toEqual({ flags: 'bep', note: null });
    expect(toSchemaFlags('fp')).toEqual({ flags: 'p', note: 'Eurostat flag f: forecast' });
    expect(toSchemaFlags('s')).toEqual({ flags: null, note: 'Eurostat flag s: Eurostat estimate' });
    expect(inputError(() => checkFlags('b?', 'f.csv', 7, 'OBS_FLAG')).line).toBe(7);
  });

  it('maps Eurostat geos to ISO3 and keeps aggregates', () => {
    expect(['EL', 'UK', 'ES', 'EU27_2020', 'EA20', 'XK'].map((g) => geoToCountry(g, 'f', 1))).toEqual(['GRC', 'GBR', 'ESP', 'EU27_2020', 'EA20', 'XKX']);
    expect(geoLabelToGeo('Euro area - 20 countries (from 2023)', 'f', 1)).toBe('EA20');
    const e = inputError(() => geoToCountry('EA19', 'f.tsv', 12));
    expect([e.file, e.line]).toEqual(['f.tsv', 12]);
  });

  it('maps age labels', () => {
    expect(labelToCode('age', 'From 20 to 64 years', 'f', 1)).toBe('Y20-64');
    expect(labelToCode('age', '65 years or over', 'f', 1)).toBe('Y_GE65');
  });
});

describe('records to rows', () => {
  const mapping = { seriesId: 'eurostat_migr_eipre', units: { PER: 'persons' as const }, valueKind: 'count' as const, statusDims: { reason: 'reason' } };
  const v1 = { rank: 1, label: 'old' };
  const rec = (geo: string, value: number, extra: Record<string, string> = {}, line = 2) => ({
    dims: { freq: 'A', unit: 'PER', sex: 'T', age: 'TOTAL', citizen: 'TOTAL', reason: 'TOTAL', geo, ...extra },
    time: '2022',
    value,
    flags: null,
    origin: { file: 'f.tsv', line },
  });

  it('rejects an unknown geo with file and line', () => {
    const e = inputError(() => toDraft(rec('QQ', 1, {}, 9), mapping, 's', v1));
    expect([e.file, e.line]).toEqual(['f.tsv', 9]);
    expect(e.reason).toMatch(/unknown Eurostat geo code "QQ"/);
  });

  it('rejects a dimension the mapping does not declare, and an unexpected unit', () => {
    expect(inputError(() => toDraft(rec('ES', 1, { border: 'AIR' }), mapping, 's', v1)).reason).toMatch(/unexpected dimension "border"/);
    expect(inputError(() => toDraft(rec('ES', 1, { unit: 'THS_PER' }), mapping, 's', v1)).column).toBe('unit');
  });

  it('stops when one vintage gives two values for one key', () => {
    const a = toDraft(rec('ES', 1, {}, 2), mapping, 's', v1);
    const b = toDraft(rec('ES', 2, {}, 5), mapping, 's', v1);
    const e = inputError(() => resolveVintages([a, b]));
    expect(e.line).toBe(5);
    expect(e.reason).toMatch(/same vintage, same key, different values: 2 here and 1 at f\.tsv:2/);
    expect(resolveVintages([a, a])).toHaveLength(1);
  });
});

describe('snapshot location and online mode', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('reads EUROSTAT_RAW_DIR, else ../shared/data/raw', () => {
    expect(resolveRawDir({ EUROSTAT_RAW_DIR: '/data/x' })).toBe('/data/x');
    expect(resolveRawDir({})).toMatch(/[/\\]shared[/\\]data[/\\]raw$/);
    expect(isOnline({})).toBe(false);
    expect(isOnline({ EUROSTAT_ONLINE: '1' })).toBe(true);
  });

  it('reports a missing snapshot with what to do', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'eurostat-empty-'));
    const e = await inputErrorAsync(() => eurostatMigrEipre.load({ rawDir: empty }));
    expect(e.file).toMatch(/eurostat_migr_eipre[/\\]eurostat_migr_eipre\.json$/);
    expect(e.line).toBe(0);
    expect(e.reason).toMatch(/EUROSTAT_RAW_DIR/);
    expect(e.reason).toMatch(/EUROSTAT_ONLINE=1/);
    expect(() => snapshotFile(FIXTURE_RAW, 'eurostat_migr_eipre', 'eurostat_migr_eipre.json')).not.toThrow();
  });

  it('builds the dissemination API URL', () => {
    expect(apiUrl('migr_eipre', [['age', 'TOTAL'], ['geo', 'ES'], ['geo', 'IT']])).toBe(
      'https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/migr_eipre?format=JSON&lang=EN&age=TOTAL&geo=ES&geo=IT',
    );
  });

  it('downloads into the cache only when online, with no real network in tests', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'eurostat-cache-'));
    const body = readFileSync(join(FIXTURE_RAW, 'eurostat_migr_eipre', 'eurostat_migr_eipre_REVERIFY_2026-08-18.json'), 'utf8');
    const urls: string[] = [];
    const fake = async (url: string) => (urls.push(url), { ok: true, status: 200, text: async () => body });
    const path = await fetchDataset('migr_eipre', [['sex', 'T']], { cacheDir, fetchImpl: fake });
    expect(readFileSync(path, 'utf8')).toBe(body);
    expect(urls).toEqual(['https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/migr_eipre?format=JSON&lang=EN&sex=T']);

    const failing = async () => ({ ok: false, status: 404, text: async () => '{"error":"not found"}' });
    expect((await inputErrorAsync(() => fetchDataset('nope', [], { cacheDir, fetchImpl: failing }))).reason).toMatch(/HTTP 404/);

    // a module in online mode reads the download, not the snapshot
    vi.stubEnv('EUROSTAT_ONLINE', '1');
    vi.stubEnv('EUROSTAT_CACHE_DIR', cacheDir);
    vi.stubGlobal('fetch', fake);
    const rows = await eurostatMigrEipre.load({ rawDir: '/nonexistent' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.is_preferred && r.origin.file.includes('migr_eipre-'))).toBe(true);
  });

  it('checks that a file holds the dataset it is declared as', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eurostat-wrong-'));
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'a.csv'), readFileSync(join(FIXTURE_RAW, 'eurostat_migr_eirfs', 'migrants_refused_entry_at_the_border.csv')));
    const m = createEurostatModule({
      id: 'test',
      mapping: { seriesId: 'eurostat_migr_eipre', units: { PER: 'persons' }, valueKind: 'count' },
      files: [{ folder: 'x', file: 'a.csv', format: 'sdmx-csv', dataset: 'MIGR_EIPRE', vintage: { rank: 1, label: 'x' } }],
      online: { dataset: 'migr_eipre', query: [] },
    });
    expect((await inputErrorAsync(() => m.load({ rawDir: dir }))).reason).toMatch(/expected dataset MIGR_EIPRE, the file holds MIGR_EIRFS/);
  });
});
