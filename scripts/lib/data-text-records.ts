/** The English text records of data/series and data/curated, as translation units. */
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { readSeriesFile } from './series-yaml.ts';
import { readTableFile } from './curated.ts';
import type { Regularization, RuleChange } from '../../src/lib/schema.ts';
import { programmeUnits, ruleChangeUnits, seriesUnits, type TextRecord, type TextTable } from '../../src/lib/i18n/data-text.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function loadTextRecords(table: TextTable, root = ROOT): Promise<TextRecord[]> {
  if (table === 'series') {
    const dir = join(root, 'data/series');
    const out: TextRecord[] = [];
    for (const f of (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      for (const s of await readSeriesFile(join(dir, f), `data/series/${f}`)) out.push({ id: s.row.series_id, units: seriesUnits(s.row) });
    }
    return out;
  }
  if (table === 'regularizations') {
    const rows = await readTableFile<Regularization>('regularizations', join(root, 'data/curated/regularizations.csv'));
    return rows.map((r) => ({ id: r.row.regularization_id, units: programmeUnits(r.row) }));
  }
  const rows = await readTableFile<RuleChange>('rule_changes', join(root, 'data/curated/rule_changes.csv'));
  return rows.map((r) => ({ id: r.row.rule_change_id, units: ruleChangeUnits(r.row) }));
}
