/**
 * Lists every year-on-year change above 3× in the preferred lines, and whether a break, a `b`
 * flag or a `jumps` entry covers it (issue 15). For curators: `tsx scripts/list-jumps.ts [--all]`.
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCurated, type CuratedObservation, type Located } from './lib/curated.ts';
import { parseRow } from './lib/row-schema.ts';
import { findJumps, jumpExplained } from './lib/series-rules.ts';
import { validateAll } from './lib/validate.ts';
import { defaultRawDir, loadSourceModules } from './pipeline.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const curated = await loadCurated(join(root, 'data/curated'), join(root, 'data/series'));
const rows: Located<CuratedObservation>[] = [...curated.observations];
for (const mod of await loadSourceModules()) {
  for (const r of await mod.load({ rawDir: defaultRawDir() })) {
    rows.push({ row: parseRow<CuratedObservation>('observations', r as unknown as Record<string, unknown>, mod.id, 0), file: mod.id, line: 0 });
  }
}
const { observations } = validateAll(curated, rows, { today: new Date().toISOString().slice(0, 10) });
const series = new Map(curated.series.map((s) => [s.row.series_id, s.row]));
const all = process.argv.includes('--all');
let open = 0;
for (const j of findJumps(observations.map((o) => o.row))) {
  const ok = jumpExplained(j, series.get(j.series_id)!);
  if (!ok) open++;
  if (ok && !all) continue;
  console.log(
    [ok ? 'covered' : 'OPEN', j.series_id, j.country_code, j.breakdown, j.from.value_kind, `${j.from.period}=${j.from.value}`, `${j.to.period}=${j.to.value}`, `${j.ratio.toFixed(1)}x`, j.to.flags ?? ''].join('\t'),
  );
}
console.error(`${open} unexplained`);
