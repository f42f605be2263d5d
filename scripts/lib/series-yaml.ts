/**
 * Reads data/series/*.yml (a YAML list of Series objects) keeping the line of every item and
 * field, so a schema problem is reported at the line a curator has to fix.
 */
import { LineCounter, isMap, isSeq, parseDocument, visit, type Node } from 'yaml';
import { Series } from '../../src/lib/schema.ts';
import { InputError } from './errors.ts';
import { checkTexts, readInputBytes } from './input-rules.ts';
import { decodeUtf8Strict } from './utf8.ts';
import { zodIssueToError } from './row-schema.ts';

export interface LocatedSeries {
  row: Series;
  file: string;
  line: number;
}

const SERIES_FIELDS = Object.keys(Series.shape);

export async function readSeriesFile(path: string, file: string): Promise<LocatedSeries[]> {
  const text = decodeUtf8Strict(await readInputBytes(path, file), file);
  if (text.trim() === '') throw new InputError(file, 0, null, 'file is empty (expected a YAML list of series)');
  const lineCounter = new LineCounter();
  // The core schema only: a tag it does not know (`!!js/function`, `!local`) is an error, not text.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? lineCounter.linePos(problem.pos[0]).line;
    const unknownTag = problem.code === 'TAG_RESOLVE_FAILED';
    throw new InputError(
      file,
      line,
      null,
      unknownTag
        ? `YAML tag outside the core schema: ${problem.message.split('\n')[0]}; write plain values`
        : `malformed YAML: ${problem.message.split('\n')[0]}`,
    );
  }
  const lineAt = (node: Node | null | undefined, fallback: number) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : fallback;
  // No aliases: none is needed for a list of series, and each one can multiply the document
  // (an "alias bomb" expands a few lines into gigabytes).
  visit(doc, {
    Alias(_key, node) {
      throw new InputError(file, lineAt(node as Node, 1), null, `YAML alias *${node.source} is not allowed; write the value out in full`);
    },
  });
  if (!isSeq(doc.contents)) {
    throw new InputError(file, lineAt(doc.contents as Node, 1), null, 'the file must be a YAML list of series (items starting with "- series_id: …")');
  }
  const values = doc.toJS({ maxAliasCount: 0 }) as unknown[];
  const out: LocatedSeries[] = [];
  doc.contents.items.forEach((item, index) => {
    const line = lineAt(item as Node, 1);
    if (!isMap(item)) throw new InputError(file, line, null, `item ${index + 1} is not a mapping of series fields`);
    const data = { ...(values[index] as Record<string, unknown>) };
    const fieldLine = (key: string) => {
      const pair = item.items.find((p) => (p.key as { value?: unknown })?.value === key);
      return lineAt((pair?.value ?? pair?.key) as Node, line);
    };
    checkTexts(data, file, (path) => lineAt(item.getIn(path, true) as Node | undefined, fieldLine(String(path[0]))));
    const unknown = Object.keys(data).filter((k) => !SERIES_FIELDS.includes(k));
    if (unknown.length) {
      throw new InputError(file, fieldLine(unknown[0]), unknown[0], `unknown field "${unknown[0]}" (allowed: ${SERIES_FIELDS.join(', ')})`);
    }
    // YAML reads `date: 2010` as a number; a bare year is what curators mean, so accept it as text.
    if (Array.isArray(data.breaks)) {
      data.breaks = data.breaks.map((b) =>
        b && typeof b === 'object' && Number.isInteger((b as { date?: unknown }).date) ? { ...b, date: String((b as { date: number }).date) } : b,
      );
    }
    const parsed = Series.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const top = String(issue.path[0] ?? '');
      let at = top ? fieldLine(top) : line;
      // Point into lists (breaks[2].note) when the problem is inside one.
      if (issue.path.length > 1) {
        const node = item.getIn(issue.path as (string | number)[], true) as Node | undefined;
        at = lineAt(node, at);
      }
      throw zodIssueToError(issue, data, file, at, 'series');
    }
    out.push({ row: parsed.data, file, line });
  });
  return out;
}
