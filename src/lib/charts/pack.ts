/**
 * Compact JSON for the rows embedded in a page (the browser needs them for tooltips and for redraws
 * that change no query). Column-wise, with one shared string dictionary: source titles and URLs
 * repeat on every row, so this is several times smaller than an array of objects.
 *
 * Packed form: { s: string[]; t: { [dataset]: { c: string[]; n: number; v: (number|null)[][] ; k: ('s'|'n'|'b')[] } } }
 * where a string cell is an index into `s`, a number cell is the number, a boolean is 0/1.
 */
import type { ChartRows, ChartSpec, Row } from './spec.ts';
import { ROLE_COLUMNS } from './tooltip.ts';

interface PackedTable {
  c: string[];
  k: ('s' | 'n' | 'b')[];
  n: number;
  v: (number | null)[][];
}
export interface Packed {
  s: string[];
  t: Record<string, PackedTable>;
}

/** Packs the chosen columns of each dataset (`columns[dataset]`; all columns when absent). */
export function packRows(rows: ChartRows, columns: Record<string, string[] | undefined> = {}): Packed {
  const dict: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = dict.push(s) - 1));
    return i;
  };
  const t: Record<string, PackedTable> = {};
  for (const [name, data] of Object.entries(rows)) {
    const cols = columns[name] ?? [...new Set(data.flatMap((r) => Object.keys(r)))];
    const kinds = cols.map((c) => {
      const v = data.find((r) => r[c] !== null && r[c] !== undefined)?.[c];
      return typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's';
    });
    t[name] = {
      c: cols,
      k: kinds,
      n: data.length,
      v: cols.map((c, j) =>
        data.map((r) => {
          const v = r[c];
          if (v === null || v === undefined) return null;
          if (kinds[j] === 'n') return typeof v === 'number' ? v : Number(v);
          if (kinds[j] === 'b') return v ? 1 : 0;
          return ref(String(v));
        }),
      ),
    };
  }
  return { s: dict, t };
}

export function unpackRows(p: Packed): ChartRows {
  const out: ChartRows = {};
  for (const [name, tb] of Object.entries(p.t)) {
    const rows: Row[] = Array.from({ length: tb.n }, () => ({}));
    tb.c.forEach((c, j) => {
      const kind = tb.k[j];
      tb.v[j].forEach((v, i) => {
        rows[i][c] = v === null ? null : kind === 'n' ? v : kind === 'b' ? v === 1 : p.s[v];
      });
    });
    out[name] = rows;
  }
  return out;
}

/**
 * The columns the browser needs from each dataset before any query runs: tooltip columns of its
 * role, the encodings and layer columns (for redraws), and the data-table columns.
 */
export function clientColumns(spec: ChartSpec): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, d] of Object.entries(spec.datasets)) {
    const cols = new Set(ROLE_COLUMNS[d.role]);
    if (name === spec.encodings.dataset) {
      for (const [k, v] of Object.entries(spec.encodings)) if (k !== 'dataset' && k !== 'yLabel' && v) cols.add(v);
      for (const c of spec.table) {
        cols.add(c.key);
        if (c.href) cols.add(c.href);
      }
      // The comparability note matches its items to lines by series and country.
      cols.add('series_id');
      // Columns only the chart's kind draws (e.g. the end of a regularization's window).
      for (const c of spec.drawColumns ?? []) cols.add(c);
    }
    for (const l of spec.layers.filter((x) => x.dataset === name)) {
      cols.add(l.x);
      if (l.size) cols.add(l.size);
      cols.add(spec.encodings.color);
    }
    // Columns the quick path filters on (./quick.ts).
    for (const r of spec.quick?.rules ?? []) if (r.columns[name]) cols.add(r.columns[name]);
    out[name] = [...cols];
  }
  return out;
}
