/**
 * First line of defence of the SQL console: a statement check that runs before DuckDB sees the
 * text, so a refused statement gets a plain message ("The console is read-only: ATTACH is not
 * allowed") instead of an engine error. It is not the seal: DuckDB itself refuses file and network
 * access and configuration changes (./seal.ts), whatever gets past this check.
 *
 * duckdb-wasm 1.32 has no parser API without the json extension (json_serialize_sql would be
 * fetched from a third-party host), so this is a small tokenizer that knows strings, quoted
 * identifiers, dollar quotes and comments, and looks only at real keywords.
 */

export type Token =
  | { kind: 'word'; text: string; upper: string; pos: number }
  | { kind: 'string'; text: string; pos: number }
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'symbol'; text: string; pos: number }
  | { kind: 'number'; text: string; pos: number }
  | { kind: 'param'; text: string; pos: number };

export class SqlGuardError extends Error {}

/** Splits SQL into tokens, dropping whitespace and comments. Throws on an unterminated string or comment. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      // Block comments nest in DuckDB's (Postgres) grammar.
      let depth = 1;
      const start = i;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') (depth++, (i += 2));
        else if (sql[i] === '*' && sql[i + 1] === '/') (depth--, (i += 2));
        else i++;
      }
      if (depth > 0) throw new SqlGuardError(`A comment that starts at character ${start + 1} is never closed (*/).`);
    } else if (ch === "'") {
      // E'…' strings take backslash escapes; the word E was already read just before.
      const prev = out[out.length - 1];
      const escapes = prev?.kind === 'word' && prev.upper === 'E' && prev.pos + 1 === i;
      if (escapes) out.pop();
      const start = i;
      i++;
      let text = '';
      for (;;) {
        if (i >= n) throw new SqlGuardError(`A string that starts at character ${start + 1} is never closed (').`);
        if (escapes && sql[i] === '\\') {
          text += sql[i + 1] ?? '';
          i += 2;
        } else if (sql[i] === "'") {
          if (sql[i + 1] === "'") (text += "'", (i += 2));
          else {
            i++;
            break;
          }
        } else text += sql[i++];
      }
      out.push({ kind: 'string', text, pos: start });
    } else if (ch === '"') {
      const start = i;
      i++;
      let text = '';
      for (;;) {
        if (i >= n) throw new SqlGuardError(`A quoted name that starts at character ${start + 1} is never closed (").`);
        if (sql[i] === '"') {
          if (sql[i + 1] === '"') (text += '"', (i += 2));
          else {
            i++;
            break;
          }
        } else text += sql[i++];
      }
      out.push({ kind: 'ident', text, pos: start });
    } else if (ch === '$') {
      const tag = sql.slice(i).match(/^\$([A-Za-z_][A-Za-z0-9_]*)?\$/);
      if (tag) {
        const start = i;
        const end = sql.indexOf(tag[0], i + tag[0].length);
        if (end < 0) throw new SqlGuardError(`A ${tag[0]}-quoted string that starts at character ${start + 1} is never closed.`);
        out.push({ kind: 'string', text: sql.slice(i + tag[0].length, end), pos: start });
        i = end + tag[0].length;
      } else {
        const m = sql.slice(i).match(/^\$[A-Za-z0-9_]*/)![0];
        out.push({ kind: 'param', text: m, pos: i });
        i += m.length;
      }
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(next ?? ''))) {
      const m = sql.slice(i).match(/^[0-9_]*\.?[0-9_]*(e[+-]?[0-9]+)?/i)![0] || ch;
      out.push({ kind: 'number', text: m, pos: i });
      i += m.length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      const m = sql.slice(i).match(/^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/)![0];
      out.push({ kind: 'word', text: m, upper: m.toUpperCase(), pos: i });
      i += m.length;
    } else {
      out.push({ kind: 'symbol', text: ch, pos: i });
      i++;
    }
  }
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

export function checkSql(sql: string): GuardResult {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
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
