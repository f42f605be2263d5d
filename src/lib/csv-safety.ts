/**
 * CSV formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return as a formula (`=HYPERLINK("http://…")`). Every CSV the project writes (the
 * published tables, a chart's CSV, the SQL console's export) neutralises such text cells the
 * way OWASP recommends, with a leading apostrophe, which spreadsheets show as text; the curated
 * validation (scripts/lib/input-rules.ts) refuses them outright.
 *
 * Plain numbers (`-5`, `-1.5e3`) are left alone: a spreadsheet reads them as numbers, and
 * they cannot run anything.
 */

/** First characters that make a spreadsheet evaluate a cell. */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, which is safe even with a leading minus or plus. */
export const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** True when a text cell would be run as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The same test as one RegExp, for papaparse's `escapeFormulae` option (it prefixes `'`). */
export const ESCAPE_FORMULAE = new RegExp(`^(?!${PLAIN_NUMBER.source.slice(1, -1)}$)[=+\\-@\\t\\r]`);

/**
 * The same rule as a DuckDB SQL expression over a VARCHAR column `col` (already quoted), for
 * the published CSVs written by `COPY`. RE2 has no look-ahead, hence two tests.
 */
export function csvSafeSql(col: string): string {
  const lit = (re: RegExp) => `'${re.source.replace(/'/g, "''")}'`;
  return `CASE WHEN regexp_matches(${col}, ${lit(FORMULA_START)}) AND NOT regexp_matches(${col}, ${lit(PLAIN_NUMBER)}) THEN '''' || ${col} ELSE ${col} END`;
}
