/**
 * Every piece of chart text a dictionary must translate (Node only, for the catalog test and
 * tools/i18n-data.ts --chart-text): the English literals passed to `tx()` in src/lib/charts, the
 * label tables that `tx()` looks up by value, and the text of every registered chart spec.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chartModulesFromDisk } from '../../charts/registry-node.ts';
import { specTexts } from '../../charts/locale.ts';
import { DIRECTION_LABELS, VALUE_KIND_LABELS } from '../../domain/labels.ts';
import { DATE_KIND_LABELS } from '../../domain/vocabulary.ts';
import { UNIT_WORDS } from '../../charts/tooltip.ts';
import { SHORT_LABELS } from '../../page-data/labels.ts';
import { CAVEATS } from '../../domain/caveats.ts';
import { AXIS_UNIT_WORDS } from '../../page-data/country-plan.ts';
import { CATEGORY_LABELS, CITIZENSHIP_LABELS, MEASURE_LABELS, REG_KIND_LABELS, RULE_CATEGORY_LABELS, UNIT_LABELS } from '../../domain/labels.ts';

/** Where `tx()` is called: chart code, components, pages and layouts. */
const SRC = path.resolve(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|astro)$/.test(p) && !p.includes(`${path.sep}i18n${path.sep}`) ? [p] : [];
  });
}

/** `tx('…')` literals in the code (chart code, components, pages, layouts). */
export function codeTexts(): Set<string> {
  const out = new Set<string>();
  for (const f of files(SRC)) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\btx\(\s*'((?:[^'\\]|\\.)*)'/g)) out.add(m[1].replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** Label tables whose values are looked up with `tx(TABLE[key])`. */
export const LABEL_TABLES = { VALUE_KIND_LABELS, DIRECTION_LABELS, DATE_KIND_LABELS, UNIT_WORDS, SHORT_LABELS, AXIS_UNIT_WORDS, CAVEATS, CATEGORY_LABELS, CITIZENSHIP_LABELS, MEASURE_LABELS, REG_KIND_LABELS, RULE_CATEGORY_LABELS, UNIT_LABELS };

export async function chartTextKeys(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of codeTexts()) out.set(t, 'tx() in src');
  for (const [name, table] of Object.entries(LABEL_TABLES)) for (const v of Object.values(table)) if (!out.has(v)) out.set(v, name);
  for (const [id, load] of Object.entries(chartModulesFromDisk())) {
    const { spec } = await load();
    for (const t of specTexts(spec)) if (!out.has(t)) out.set(t, `src/charts/${id}.ts`);
  }
  return out;
}
