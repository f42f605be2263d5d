/**
 * The SQL console's two locks, tested apart:
 *  1. the statement check (src/lib/sql/guard.ts), on DuckDB's own lexer (duckdb-wasm's tokenize):
 *     hostile statements get a plain refusal, read queries pass, and strings, comments or line
 *     ends cannot hide or fake a keyword;
 *  2. the engine seal (src/lib/sql/seal.ts), applied to duckdb-wasm 1.32 itself (the same wasm
 *     build the site ships, run in Node): with the check bypassed, DuckDB still refuses to read a
 *     URL or a local file, ATTACH, COPY … TO, LOAD or any SET.
 * Plus the result formatting, CSV export and error wording (src/lib/sql/format.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSql, tokensOf, type ScriptTokens } from '../../src/lib/sql/guard.ts';
import { SEAL_CHECK, SEAL_STATEMENTS, isSealed } from '../../src/lib/sql/seal.ts';
import { cellText, explainError, exportFile, resultToCsv } from '../../src/lib/sql/format.ts';
import { EXAMPLES } from '../../src/lib/sql/examples.ts';

/** duckdb-wasm's lexer, set up in beforeAll below (the same wasm the console runs). */
let lex: (sql: string) => ScriptTokens;

const refused = (sql: string) => {
  const r = checkSql(sql, lex(sql));
  return r.ok ? null : r.message;
};

describe('statement check', () => {
  it.each([
    ["SELECT * FROM read_csv('https://example.org/x.csv')", /read_csv\(\) cannot open files, URLs/],
    ["select * from READ_PARQUET('/etc/passwd')", /read_parquet\(\) cannot open/],
    ["SELECT * FROM 'https://example.org/x.parquet'", /cannot open 'https:\/\/example.org\/x.parquet'/],
    ["SELECT * FROM observations JOIN '/etc/passwd' ON true", /cannot open '\/etc\/passwd'/],
    ["SELECT * FROM glob('/*')", /glob\(\) cannot open/],
    ["SELECT * FROM query('SELECT 1')", /query\(\) cannot open/],
    ["ATTACH 'x.db' AS x", /read-only: ATTACH is not allowed/],
    ["attach ':memory:'", /ATTACH is not allowed/],
    ['DETACH x', /DETACH is not allowed/],
    ['SET enable_external_access = true', /SET is not allowed/],
    ['RESET lock_configuration', /RESET is not allowed/],
    ['INSTALL httpfs', /INSTALL is not allowed/],
    ['FORCE INSTALL httpfs', /FORCE is not allowed/],
    ['LOAD httpfs', /LOAD is not allowed/],
    ["COPY observations TO 'out.csv'", /COPY is not allowed/],
    ["COPY (SELECT 1) TO 'https://example.org/up'", /COPY is not allowed/],
    ["EXPORT DATABASE 'dir'", /EXPORT is not allowed/],
    ['CREATE TABLE t AS SELECT 1', /CREATE is not allowed/],
    ['DROP TABLE observations', /DROP is not allowed/],
    ['DELETE FROM observations', /DELETE is not allowed/],
    ["UPDATE observations SET value = 0", /UPDATE is not allowed/],
    ['INSERT INTO series SELECT * FROM series', /INSERT is not allowed/],
    ['WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', /INSERT is not allowed/],
    ['EXPLAIN COPY observations TO \'x\'', /COPY is not allowed/],
    ["PRAGMA enable_profiling", /PRAGMA enable_profiling is not allowed/],
    ["PRAGMA memory_limit = '1GB'", /is not allowed/],
    ['CALL pragma_version()', /CALL is not allowed/],
    ['USE memory', /USE is not allowed/],
    ['CHECKPOINT', /CHECKPOINT is not allowed/],
    ['SELECT 1; SELECT 2', /one statement at a time/],
    ["SELECT 1; ATTACH 'x'", /ATTACH is not allowed/],
    ['', /Write a query first/],
    ['-- only a comment', /Write a query first/],
    // Issue 16: a hand-written lexer ended the comment at \n only, so this looked like SELECT 1.
    ['--\rDROP TABLE series /*\nSELECT 1 -- */', /DROP is not allowed/],
    ['SELECT 1 --\r; ATTACH \'x\'', /ATTACH is not allowed/],
    ['GRANT ALL ON observations TO x', /GRANT is not allowed/],
    ['SELEC 1', /must start with SELECT/],
  ])('refuses %s', (sql, message) => {
    expect(refused(sql)).toMatch(message);
  });

  it.each([
    'SELECT * FROM observations LIMIT 10',
    'select count(*) from series;',
    'FROM regularizations SELECT country_code, approvals',
    'WITH t AS (SELECT * FROM countries) SELECT * FROM t',
    '(SELECT 1) UNION ALL (SELECT 2)',
    'DESCRIBE observations',
    'SHOW TABLES',
    'SUMMARIZE sources',
    'EXPLAIN SELECT * FROM observations',
    "PRAGMA table_info('observations')",
    'PRAGMA show_tables',
    "SELECT 'ATTACH ''x''; SET a = 1; COPY' AS text",
    'SELECT "set", "load" FROM (SELECT 1 AS "set", 2 AS "load")',
    'SELECT 1 -- ; DROP TABLE observations',
    'SELECT /* ATTACH ; COPY */ 1',
    'SELECT /* nested /* ATTACH */ still comment */ 1',
    "SELECT $$ATTACH 'x'; INSTALL httpfs$$ AS s",
    "SELECT E'it\\'s; ATTACH' AS s",
    'SELECT settings_id, upload FROM (SELECT 1 AS settings_id, 2 AS upload)',
  ])('accepts %s', (sql) => {
    expect(refused(sql)).toBeNull();
  });

  it('accepts every example query of the console', () => {
    for (const e of EXAMPLES) expect(refused(e.sql), e.id).toBeNull();
  });

  it('reads DuckDB\'s tokens: strings, quoted names, dollar quotes and comments as such', () => {
    const sql = `SELECT 'a''b', "x""y", $q$ ; $q$ -- c\n/* d */ FROM t;`;
    const t = tokensOf(sql, lex(sql));
    expect(t.map((x) => [x.kind, x.text])).toEqual([
      ['word', 'SELECT'],
      ['string', "a'b"],
      ['symbol', ','],
      ['ident', 'x"y'],
      ['symbol', ','],
      ['string', ' ; '],
      ['word', 'FROM'],
      ['word', 't'],
      ['symbol', ';'],
    ]);
  });
});

/** duckdb-wasm's own Node build (blocking API), with the eh wasm the site serves. */
interface BlockingConnection {
  query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
}
let conn: BlockingConnection;
let close: () => void;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({});
  const c = db.connect();
  lex = (sql) => db.tokenize(sql);
  // The console's order: no extension fetches, the tables, then the seal.
  c.query('SET autoinstall_known_extensions = false');
  c.query('SET autoload_known_extensions = false');
  c.query("CREATE TABLE series AS SELECT 'jpn_overstayers' AS series_id");
  for (const s of SEAL_STATEMENTS) c.query(s);
  conn = c;
  close = () => {
    c.close?.();
    db.terminate?.();
  };
}, 60_000);

afterAll(() => close?.());

function engineError(sql: string): string | null {
  try {
    conn.query(sql);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

describe('sealed engine (duckdb-wasm 1.32, statement check bypassed)', () => {
  it('reports itself sealed and still answers queries on its tables', () => {
    expect(isSealed(conn.query(SEAL_CHECK).toArray()[0].toJSON())).toBe(true);
    expect(Number(conn.query('SELECT count(*) AS n FROM series').toArray()[0].toJSON().n)).toBe(1);
  });

  it.each([
    ["SELECT * FROM read_csv('https://example.org/x.csv')", /Permission Error: .*disabled by configuration/],
    ["SELECT * FROM read_csv('/etc/passwd')", /Permission Error/],
    ["SELECT * FROM read_text('/etc/hostname')", /Permission Error/],
    ["SELECT * FROM glob('/etc/*')", /Permission Error/],
    ["ATTACH '/tmp/atlas-test.db' AS x", /Permission Error/],
    ["COPY series TO '/tmp/atlas-out.csv'", /Permission Error/],
    ["EXPORT DATABASE '/tmp/atlas-export'", /Permission Error/],
    ['LOAD httpfs', /Permission Error: Loading external extensions is disabled/],
    ['SET enable_external_access = true', /configuration has been locked/],
    ['SET autoload_known_extensions = true', /configuration has been locked/],
    ['RESET lock_configuration', /configuration has been locked/],
    ['SET lock_configuration = false', /configuration has been locked/],
  ])('refuses %s', (sql, message) => {
    expect(engineError(sql)).toMatch(message);
  });

  it('explains the refusals in plain words', () => {
    expect(explainError(engineError("SELECT * FROM read_csv('https://example.org/x.csv')")!).title).toMatch(/cannot open files, URLs or other databases/);
    expect(explainError(engineError('SET threads = 1')!).title).toBe('Settings are locked in this console.');
    expect(explainError(engineError('SELEC 1')!).title).toBe('The SQL has a syntax error.');
    const missing = explainError(engineError('SELECT * FROM nope')!);
    expect(missing.title).toMatch(/There is no table nope\. The tables are: observations, series/);
    expect(missing.detail).toMatch(/Catalog Error/);
    // duckdb-wasm's worker sometimes hands over DuckDB's JSON error object.
    const json = explainError('{"exception_type":"Parser","exception_message":"syntax error at end of input","error_subtype":"SYNTAX_ERROR"}');
    expect(json).toEqual({ title: 'The SQL has a syntax error.', detail: 'Parser Error: syntax error at end of input' });
  });
});

describe('capped exports', () => {
  it('say they were cut, in the file name and in a last line', () => {
    const r = { columns: ['n'], rows: [['1'], ['2']], truncated: true };
    const cut = exportFile(r, '2026.11.23-408707ea');
    expect(cut.name).toBe('irregular-atlas-query_2026.11.23-408707ea_first-2-rows.csv');
    expect(cut.csv.trimEnd().split('\n').at(-1)).toMatch(/^# truncated: only the first 2 rows/);
    const whole = exportFile({ ...r, truncated: false }, '2026.11.23-408707ea');
    expect(whole.name).toBe('irregular-atlas-query_2026.11.23-408707ea.csv');
    expect(whole.csv).toBe('n\n1\n2\n');
  });
});

describe('results', () => {
  it('formats cells: null, bigint, dates, timestamps, lists', () => {
    expect(cellText(null)).toBeNull();
    expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
    expect(cellText(Date.UTC(2024, 0, 31), 8)).toBe('2024-01-31');
    expect(cellText(Date.UTC(2024, 0, 31, 13, 5, 9), 10)).toBe('2024-01-31 13:05:09');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(true)).toBe('true');
    expect(cellText({ toJSON: () => [1, 2n] })).toBe('[1,"2"]');
  });

  it('exports CSV that papaparse reads back to the same cells (null as empty)', () => {
    const r = { columns: ['a', 'b, c', 'd'], rows: [['x "quoted"', null, 'line\nbreak'], ['1', '2', '']], truncated: false };
    const back = Papa.parse<string[]>(resultToCsv(r), { skipEmptyLines: true }).data;
    expect(back).toEqual([r.columns, ['x "quoted"', '', 'line\nbreak'], ['1', '2', '']]);
  });
});
