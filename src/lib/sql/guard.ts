/**
 * First line of defence of the SQL console: a statement check that runs before DuckDB executes
 * the text, so a refused statement gets a plain message ("The console is read-only: ATTACH is not
 * allowed") instead of an engine error. It is not the seal: DuckDB itself refuses file and network
 * access and configuration changes (./seal.ts), and the console restores its tables before every
 * statement (./engine.ts), whatever gets past this check.
 *
 * The text is split by DuckDB's own lexer (`AsyncDuckDB.tokenize`: token offsets and types), not
 * by a tokenizer of ours: comments, line ends (DuckDB ends a `--` comment at a carriage return
 * too), strings and quoted names are split exactly as the engine that runs the statement splits
 * them, so the check cannot be desynchronised from it. duckdb-wasm 1.32 has no parser API (the
 * JSON extension with json_serialize_sql is not bundled), so the check works on tokens.
 */

/** DuckDB's token stream, as `AsyncDuckDB.tokenize` returns it (duckdb-wasm's ScriptTokens). */
export interface ScriptTokens {
  offsets: number[];
  types: number[];
}

/** duckdb-wasm's TokenType values. */
const IDENTIFIER = 0;
const NUMERIC = 1;
const STRING = 2;
const KEYWORD = 4;
const COMMENT = 5;

export type Token =
  | { kind: 'word'; text: string; upper: string; pos: number }
  | { kind: 'string'; text: string; pos: number }
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'symbol'; text: string; pos: number }
  | { kind: 'number'; text: string; pos: number };

/**
 * Our view of DuckDB's tokens. DuckDB gives where each token starts and what it is; the text
 * of a word or a quoted literal is read from that offset (the next offset may lie past
 * whitespace and comments).
 */
export function tokensOf(sql: string, script: ScriptTokens): Token[] {
  const out: Token[] = [];
  script.offsets.forEach((pos, i) => {
    const type = script.types[i];
    const rest = sql.slice(pos, script.offsets[i + 1] ?? sql.length);
    if (type === COMMENT) return;
    if (type === STRING) {
      const m = rest.match(/^[eE]?'((?:[^']|'')*)'?/) ?? rest.match(/^\$([A-Za-z_]\w*)?\$([\s\S]*?)\$\1\$/);
      out.push({ kind: 'string', text: m ? (m[0].startsWith('$') ? m[2] : m[1].replace(/''/g, "'")) : rest.trim(), pos });
    } else if ((type === IDENTIFIER || type === KEYWORD) && rest.startsWith('"')) {
      const m = rest.match(/^"((?:[^"]|"")*)"?/)!;
      out.push({ kind: 'ident', text: m[1].replace(/""/g, '"'), pos });
    } else if (type === IDENTIFIER || type === KEYWORD) {
      const text = rest.match(/^[^\s()[\]{},;:.'"=<>!+\-*/%|&^~]+/)?.[0] ?? rest.trim();
      out.push({ kind: 'word', text, upper: text.toUpperCase(), pos });
    } else if (type === NUMERIC) {
      out.push({ kind: 'number', text: rest.trim(), pos });
    } else {
      out.push({ kind: 'symbol', text: rest.trim()[0] ?? '', pos });
    }
  });
  return out;
}

/** How a statement may begin. */
const READ_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'EXPLAIN', 'PRAGMA']);
/** PRAGMAs that only read the catalogue. */
const READ_PRAGMAS = new Set(['TABLE_INFO', 'SHOW_TABLES', 'SHOW_TABLES_EXPANDED', 'SHOW', 'VERSION', 'DATABASE_LIST', 'FUNCTIONS']);
/** Keywords that write, configure, attach, load or export: refused wherever they appear. */
const WRITE_WORDS = new Set([
  'ATTACH', 'DETACH', 'COPY', 'EXPORT', 'IMPORT', 'INSTALL', 'LOAD', 'FORCE', 'SET', 'RESET', 'USE',
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'TRUNCATE', 'CREATE', 'DROP', 'ALTER', 'COMMENT',
  'CALL', 'CHECKPOINT', 'VACUUM', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'BEGIN', 'COMMIT', 'ROLLBACK', 'ABORT',
  'GRANT', 'REVOKE', 'SECRET',
]);
/** Table functions that open files, URLs or other databases, or run SQL hidden in a string. */
const FILE_FUNCTIONS = new Set([
  'read_csv', 'read_csv_auto', 'sniff_csv', 'read_parquet', 'parquet_scan', 'parquet_metadata', 'parquet_schema',
  'parquet_file_metadata', 'parquet_kv_metadata', 'read_json', 'read_json_auto', 'read_json_objects',
  'read_json_objects_auto', 'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects', 'read_text', 'read_blob',
  'glob', 'iceberg_scan', 'delta_scan', 'read_xlsx', 'st_read', 'sqlite_scan', 'sqlite_attach', 'postgres_scan',
  'mysql_scan', 'query', 'duckdb_secrets', 'load_aws_credentials',
]);

export type GuardResult = { ok: true; sql: string } | { ok: false; message: string };

const READ_ONLY = 'The console is read-only';

/** Checks one console statement, split into tokens by DuckDB's lexer (`tokenize(sql)`). */
export function checkSql(sql: string, script: ScriptTokens): GuardResult {
  const tokens = tokensOf(sql, script);
  // Split on top-level semicolons (inside strings and comments they are already gone).
  const statements: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'symbol' && t.text === ';') statements.push([]);
    else statements[statements.length - 1].push(t);
  }
  const real = statements.filter((s) => s.length);
  if (!real.length) return { ok: false, message: 'Write a query first, for example: SELECT * FROM series LIMIT 10' };
  // A refused keyword is named even when it hides in a second statement.
  for (const t of tokens) {
    if (t.kind === 'word' && WRITE_WORDS.has(t.upper)) return { ok: false, message: `${READ_ONLY}: ${t.upper} is not allowed.` };
  }
  if (real.length > 1) return { ok: false, message: `Run one statement at a time (this text holds ${real.length}).` };
  const stmt = real[0];

  const first = stmt[0];
  if (first.kind === 'word' && !READ_STARTS.has(first.upper)) {
    return { ok: false, message: `${READ_ONLY}: a statement must start with SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN or PRAGMA table_info (not ${first.upper}).` };
  }
  if (first.kind !== 'word' && !(first.kind === 'symbol' && first.text === '(')) {
    return { ok: false, message: `${READ_ONLY}: a statement must start with SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE or EXPLAIN.` };
  }
  if (first.kind === 'word' && first.upper === 'PRAGMA') {
    const name = stmt[1];
    const upper = name?.kind === 'word' ? name.upper : '';
    const assigns = stmt.some((t) => t.kind === 'symbol' && t.text === '=');
    if (!READ_PRAGMAS.has(upper) || assigns) {
      return { ok: false, message: `${READ_ONLY}: PRAGMA ${name?.text ?? ''} is not allowed (PRAGMA table_info('observations') and PRAGMA show_tables are).`.replace('PRAGMA  is', 'this PRAGMA is') };
    }
  }
  for (let k = 0; k < stmt.length; k++) {
    const t = stmt[k];
    const after = stmt[k + 1];
    if (t.kind === 'word' && FILE_FUNCTIONS.has(t.text.toLowerCase()) && after?.kind === 'symbol' && after.text === '(') {
      return { ok: false, message: `The console reads only this site's tables; ${t.text.toLowerCase()}() cannot open files, URLs or other databases here.` };
    }
    // FROM 'file.csv' (a replacement scan) would read a file or URL.
    if (t.kind === 'word' && (t.upper === 'FROM' || t.upper === 'JOIN') && after?.kind === 'string') {
      return { ok: false, message: `The console reads only this site's tables; it cannot open '${after.text}'.` };
    }
  }
  return { ok: true, sql: sql.trim() };
}
