/**
 * Chart state <-> query string. The whole state of a chart lives in the URL so that a copied link
 * reproduces the view. Parsing never throws: every field of a spec's state schema falls back to its
 * default on bad input (see the builders below), so a mangled link shows the default chart.
 *
 * Several charts on one page keep their state apart with a prefix (`c1.countries=`).
 */
import { z } from 'zod';
import type { ChartSpec } from './spec.ts';

// ---------------------------------------------------------------------------
// Schema builders for spec states: each one accepts the loose values read from a URL or a form.
// ---------------------------------------------------------------------------

/**
 * A subset of `values`, in the order of `values` (so equal states give equal URLs). Unknown
 * members are dropped; an empty or missing list gives `fallback` unless `allowEmpty`.
 */
export function subsetOf<const T extends string>(values: readonly T[], fallback: T[], opts: { allowEmpty?: boolean } = {}) {
  return z
    .preprocess(
      (input) => {
        const list = typeof input === 'string' ? input.split(',') : Array.isArray(input) ? input : undefined;
        if (!list) return undefined;
        const set = new Set(list.map((v) => String(v).trim()));
        return values.filter((v) => set.has(v));
      },
      z.array(z.enum(values as unknown as [T, ...T[]])).min(opts.allowEmpty ? 0 : 1),
    )
    .catch(fallback);
}

/** One of `values`, or `fallback`. */
export function oneOf<const T extends string>(values: readonly T[], fallback: T) {
  return z.enum(values as unknown as [T, ...T[]]).catch(fallback);
}

/** An integer year in [min, max], or `fallback`. Accepts numeric strings. */
/**
 * Bounds of a year in a link. They are not the years of the data: a chart's axis follows the
 * rows in view, so a `to` of YEAR_MAX (the usual default) means "through the latest published
 * year", whatever year that is.
 */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

export function yearIn(min: number, max: number, fallback: number) {
  return z.coerce.number().int().min(min).max(max).catch(fallback);
}

/** Swaps `from`/`to` when given in the wrong order, instead of rejecting the link. */
export function orderedYears<T extends { from: number; to: number }>(state: T): T {
  return state.from <= state.to ? state : { ...state, from: state.to, to: state.from };
}

// ---------------------------------------------------------------------------
// Reading and writing
// ---------------------------------------------------------------------------

/** Raw values for the spec's URL fields found in `search` (no validation yet). */
export function rawStateFromSearch(spec: ChartSpec, search: string | URLSearchParams, prefix = ''): Record<string, unknown> {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw: Record<string, unknown> = {};
  for (const f of spec.url) {
    const v = params.get(prefix + f.param);
    if (v === null) continue;
    raw[f.key] = f.type === 'list' ? v.split(',').filter((s) => s !== '') : v;
  }
  return raw;
}

/** The chart state described by a query string; defaults for anything missing or invalid. */
export function parseState<S extends ChartSpec>(spec: S, search: string | URLSearchParams, prefix = ''): z.infer<S['state']> {
  return parseLoose(spec, rawStateFromSearch(spec, search, prefix));
}

/** Validates a loose object (from a URL, a form, or a page's props) into a full state. */
export function parseLoose<S extends ChartSpec>(spec: S, raw: Record<string, unknown>): z.infer<S['state']> {
  const r = spec.state.safeParse(raw);
  // Field-level `.catch` makes failures impossible in practice; this guards a spec that forgot one.
  return (r.success ? r.data : spec.state.parse({})) as z.infer<S['state']>;
}

/** True when the query string holds any of this chart's parameters. */
export function hasUrlState(spec: ChartSpec, search: string | URLSearchParams, prefix = ''): boolean {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return spec.url.some((f) => params.has(prefix + f.param));
}

/**
 * Writes the full state into the query string, keeping parameters that belong to others. The
 * full state (not just the changes) is written so a shared link keeps its meaning if defaults move.
 */
export function writeState(spec: ChartSpec, state: Record<string, unknown>, search: string | URLSearchParams = '', prefix = ''): string {
  const params = new URLSearchParams(search);
  for (const f of spec.url) {
    const v = state[f.key];
    params.set(prefix + f.param, Array.isArray(v) ? v.join(',') : String(v));
  }
  // URLSearchParams encodes commas; lists read better and stay valid with literal commas.
  const s = params.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}

/** Reads a chart's <form> into a loose state object (checkbox groups become arrays). */
export function rawStateFromForm(spec: ChartSpec, form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const raw: Record<string, unknown> = {};
  // A page may show only some of a chart's controls; the others keep their current value.
  const present = (name: string) => form.querySelector(`[name="${name}"]`) !== null;
  for (const c of spec.controls) {
    if (!present(c.kind === 'year-range' ? c.fromKey : c.key)) continue;
    if (c.kind === 'checkboxes') raw[c.key] = data.getAll(c.key).map(String);
    else if (c.kind === 'year-range') {
      raw[c.fromKey] = data.get(c.fromKey);
      // The slider's right end is the latest year with data: there the range stays open
      // (YEAR_MAX), so a shared link keeps following new data instead of stopping at this year.
      const to = form.querySelector<HTMLInputElement>(`input[name="${c.toKey}"]`);
      raw[c.toKey] = to && to.max !== '' && to.value === to.max ? YEAR_MAX : data.get(c.toKey);
    } else raw[c.key] = data.get(c.key);
  }
  return raw;
}
