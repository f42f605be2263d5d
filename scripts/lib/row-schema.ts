/**
 * Row-level schema checks: zod schemas from src/lib/schema.ts, with zod's issues turned into
 * InputErrors whose column is the issue path and whose reason a curator can act on.
 */
import type { z } from 'zod';
import { z as zod } from 'zod';
import { Observation, PERIOD_TYPES, isoDate, type TableName } from '../../src/lib/schema.ts';
import { InputError } from './errors.ts';
import { checkTexts } from './input-rules.ts';
import { SCHEMAS } from '../../src/lib/contract/tables.ts';

type Issue = z.core.$ZodIssue;

function pathLabel(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
}

function getAt(data: unknown, path: PropertyKey[]): unknown {
  let cur = data;
  for (const p of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

export function zodIssueToError(issue: Issue, data: unknown, file: string, line: number, what: string): InputError {
  const column = pathLabel(issue.path) || null;
  const value = getAt(data, issue.path);
  let reason: string;
  // A null or absent value only fails a field that is not nullable: say so instead of zod's type talk.
  if (value === undefined) {
    reason = `required field is missing from the ${what}`;
  } else if (value === null) {
    reason = 'required value is empty';
  } else if (typeof value === 'string' && value.trim() === '' && issue.code === 'too_small') {
    reason = 'value is only spaces; leave the cell empty for "none", or write the value';
  } else {
    const shown = typeof value === 'string' ? `"${value}"` : typeof value === 'number' ? String(value) : JSON.stringify(value);
    reason = `${shown}: ${issue.message}`;
  }
  return new InputError(file, line, column, reason);
}

/**
 * Curated observations may leave period_start/period_end/period_type empty: the pipeline derives
 * them from `period` and the series (scripts/lib/period-type.ts). A window wider than `period`
 * (a cumulative total since 2013, a count since 10 June) is written in period_start/period_end.
 */
const CuratedObservation = Observation.extend({
  period_start: isoDate.nullable().optional(),
  period_end: isoDate.nullable().optional(),
  period_type: zod.enum(PERIOD_TYPES).nullable().optional(),
});

export function schemaFor(table: TableName) {
  return table === 'observations' ? CuratedObservation : SCHEMAS[table];
}

/** A row of a curated table or a source module: text rules (./input-rules.ts), then the schema. */
export function parseRow<T>(table: TableName, data: Record<string, unknown>, file: string, line: number): T {
  checkTexts(data, file, line);
  const result = (schemaFor(table) as z.ZodType).safeParse(data);
  if (!result.success) throw zodIssueToError(result.error.issues[0], data, file, line, 'row');
  return result.data as T;
}
