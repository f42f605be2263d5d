/**
 * SDMX-CSV as Eurostat exports it, in the two shapes found in the snapshots:
 *
 *  - SDMX-CSV 2.0, "codes and labels" (API / data browser, newer):
 *      STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,unit,Unit of measure,…,
 *      TIME_PERIOD,Time,OBS_VALUE,Observation value,OBS_FLAG,<label>,CONF_STATUS,<label>
 *    Dimension columns are the lower-case ids and hold codes; the column after each one holds
 *    its label and is ignored.
 *  - SDMX-CSV 1.0 data-browser export with labels:
 *      DATAFLOW,LAST UPDATE,freq,reason,…,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS
 *    Dimension cells hold labels ("Spain", "Females", "Illegal entry"), mapped to codes with
 *    labels.ts and geo.ts. The same layout with codes also passes.
 *
 * An empty OBS_VALUE is a missing value and is skipped (counted in `missing`).
 * CONF_STATUS is empty in every snapshot; a confidential cell (C, D, N) adds flag `c`.
 */
import { InputError } from '../errors.ts';
import { readCsv } from './csv.ts';
import { checkFlags } from './flags.ts';
import { geoLabelToGeo } from './geo.ts';
import { labelToCode } from './labels.ts';
import { parseNumber, type EurostatRecord, type ParseResult } from './record.ts';

const SPECIAL = new Set(['STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'DATAFLOW', 'LAST UPDATE', 'TIME_PERIOD', 'OBS_VALUE', 'OBS_FLAG', 'CONF_STATUS']);
const DIM_ID = /^[a-z][a-z0-9_]*$/;

export interface SdmxCsvResult extends ParseResult {
  /** Dataset code from DATAFLOW / STRUCTURE_ID, upper case without agency or view: `MIGR_EIPRE`. */
  dataset: string;
  /** LAST UPDATE as YYYY-MM-DD when the export carries it. */
  lastUpdate: string | null;
  /** Dimension ids in column order (geo included, time excluded). */
  dims: string[];
}

/** `ESTAT:MIGR_EIPRE$DEFAULTVIEW(1.0)` → `MIGR_EIPRE`. */
export function dataflowCode(ref: string): string {
  const m = /^(?:[A-Z0-9_]+:)?([A-Za-z0-9_]+)(?:\$[A-Za-z0-9_]+)?(?:\([\d.]+\))?$/.exec(ref.trim());
  return (m ? m[1]! : ref.trim()).toUpperCase();
}

/** `13/03/25 23:00:00` (data-browser LAST UPDATE, dd/mm/yy) → `2025-03-13`. */
function lastUpdateDate(raw: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{2})/.exec(raw.trim());
  return m ? `20${m[3]}-${m[2]}-${m[1]}` : null;
}

export function parseSdmxCsv(text: string, file: string): SdmxCsvResult {
  const rows = readCsv(text, file);
  const header = rows[0];
  if (!header) throw new InputError(file, 0, null, 'empty file: expected an SDMX-CSV header');
  const cols = header.cells.map((c) => c.trim());
  const at = (name: string) => cols.indexOf(name);
  const structureCol = at('STRUCTURE_ID') >= 0 ? at('STRUCTURE_ID') : at('DATAFLOW');
  const timeCol = at('TIME_PERIOD');
  const valueCol = at('OBS_VALUE');
  if (structureCol < 0 || timeCol < 0 || valueCol < 0) {
    throw new InputError(file, 1, null, 'not an SDMX-CSV export: the header needs DATAFLOW or STRUCTURE_ID, TIME_PERIOD and OBS_VALUE');
  }
  const flagCol = at('OBS_FLAG');
  const confCol = at('CONF_STATUS');
  const updateCol = at('LAST UPDATE');
  // SDMX-CSV 2.0 with labels: the code columns are the lower-case ids; others are their labels.
  const labelled = at('STRUCTURE_ID') < 0;
  const dimCols: { id: string; col: number }[] = [];
  for (let c = 0; c < timeCol; c++) {
    const name = cols[c]!;
    if (SPECIAL.has(name)) continue;
    if (DIM_ID.test(name)) dimCols.push({ id: name, col: c });
    else if (labelled) throw new InputError(file, 1, name, `unexpected column "${name}" before TIME_PERIOD`);
  }
  if (!dimCols.some((d) => d.id === 'geo')) throw new InputError(file, 1, null, 'no geo column in the header');

  let dataset: string | null = null;
  let lastUpdate: string | null = null;
  let missing = 0;
  const records: EurostatRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const { cells, line } = rows[r]!;
    if (cells.length !== cols.length) {
      throw new InputError(file, line, null, `malformed line: ${cells.length} cells where the header has ${cols.length}`);
    }
    const ds = dataflowCode(cells[structureCol]!);
    if (dataset === null) dataset = ds;
    else if (ds !== dataset) throw new InputError(file, line, cols[structureCol]!, `mixed datasets in one file: ${dataset} and ${ds}`);
    if (updateCol >= 0 && lastUpdate === null && cells[updateCol]) lastUpdate = lastUpdateDate(cells[updateCol]!);

    const rawValue = cells[valueCol]!.trim();
    const flags = flagCol >= 0 ? checkFlags(cells[flagCol], file, line, 'OBS_FLAG') : null;
    if (rawValue === '' || rawValue === ':') {
      missing++;
      continue;
    }
    const value = parseNumber(rawValue, file, line, 'OBS_VALUE');
    const dims: Record<string, string> = {};
    for (const { id, col } of dimCols) {
      const cell = cells[col]!;
      if (cell.trim() === '') throw new InputError(file, line, id, `empty ${id}`);
      dims[id] = id === 'geo' ? geoLabelToGeo(cell, file, line) : labelled ? labelToCode(id, cell, file, line) : cell.trim();
    }
    const time = cells[timeCol]!.trim();
    if (!time) throw new InputError(file, line, 'TIME_PERIOD', 'empty TIME_PERIOD');
    const conf = confCol >= 0 ? cells[confCol]!.trim() : '';
    const withConf = conf && conf !== 'F' && !(flags ?? '').includes('c') ? (flags ?? '') + 'c' : flags;
    records.push({ dims, time, value, flags: withConf || null, origin: { file, line } });
  }
  if (dataset === null) throw new InputError(file, 0, null, 'no data rows');
  return { records, missing, dataset, lastUpdate, dims: dimCols.map((d) => d.id) };
}
