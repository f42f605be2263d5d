/// <reference types="astro/client" />
/**
 * Heavy stage of a chart in the browser, loaded on the first control change (or at once when the
 * URL carries chart state). It owns the chart state: reads the form, writes the URL with
 * history.replaceState, reruns the spec's SQL in DuckDB-WASM when a query parameter changed, and
 * redraws with the same `plotOptions` used at build time.
 *
 * View-only changes (scale, indexed mode, marker layers) redraw at once from the rows already in
 * hand, and so do changes that narrow them (a country unticked, a shorter year range): the quick
 * path (../quick.ts) filters the rows the page holds, with the same spec and the same Plot options.
 * DuckDB-WASM (a separate chunk, ../../db/browser.ts), started on intent or at idle, answers what
 * the page does not hold, and re-runs a quickly drawn view once it is ready: its answer replaces
 * the quick one if it ever differs.
 *
 * After each redraw the element dispatches `chart:render` (detail: { state, rows, svg }) and its
 * `data-state` attribute holds the current state as JSON: the action buttons (download, share,
 * embed, citation) read those.
 */
import * as Plot from '@observablehq/plot';
import { loadSpec } from '../registry.ts';
import type { ChartRows, ChartSpec } from '../spec.ts';
import { parseLoose, parseState, rawStateFromForm, writeState } from '../url-state.ts';
import { describeChart, loadKind, plotOptions, type DrawState } from '../draw.ts';
import { queryKey, runQueries, type QueryFn } from '../run.ts';
import { localizeRows, type DataTexts } from '../data-text.ts';
import { quickRows } from '../quick.ts';
import { clientColumns } from '../pack.ts';
import { wireProgress } from '../../db/assets.ts';
import { cellHref, cellText } from '../table.ts';
import { publisherSummary, sourceDatasets, sourcesOf } from '../sources.ts';
import type { ChartController } from './interactive.ts';
import { renderNote } from './note.ts';
import { usePageLocale } from './page-locale.ts';
import { chartDictionary, chartLocale, localizeSpec, tx } from '../locale.ts';

export interface Hydrator {
  fromForm(e: Event): Promise<void>;
  fromUrl(): Promise<void>;
  /** Live feedback while a range thumb moves (no query). */
  preview(e: Event): void;
  /** Start the engine and load the spec's tables without changing the view (and prepare()). */
  warm(): Promise<void>;
  /** Rehearse a redraw off screen, once (the engine is not started). */
  prepare(): void;
}

const instances = new WeakMap<HTMLElement, Promise<Hydrator>>();

export function hydrate(ctrl: ChartController): Promise<Hydrator> {
  let h = instances.get(ctrl.el);
  if (!h) {
    h = create(ctrl);
    instances.set(ctrl.el, h);
  }
  return h;
}

type State = Record<string, unknown>;

const mb = (n: number) => (n / 1048576).toFixed(1);

/** A cached answer: rows for a state; `quick` while derived by the quick path and not yet checked by the engine. */
interface Entry {
  state: State;
  rows: ChartRows;
  quick?: boolean;
}

async function create(ctrl: ChartController): Promise<Hydrator> {
  const el = ctrl.el;
  await usePageLocale();
  // The spec in the page's language, as the build drew it (titles, labels, `$locale` for names).
  const registered: ChartSpec = localizeSpec(await loadSpec(el.dataset.chart ?? ''), chartLocale(), chartDictionary());
  // A view's annotations (lib/charts/annotate.ts) travel with its figure, not with the chart file.
  const spec: ChartSpec = el.dataset.annotations ? { ...registered, annotations: JSON.parse(el.dataset.annotations) } : registered;
  await loadKind(spec);
  const prefix = el.dataset.urlPrefix ?? '';
  const useUrl = el.dataset.urlState !== 'off';
  const form = el.querySelector<HTMLFormElement>('[data-controls]');
  const plot = el.querySelector<HTMLElement>('[data-plot]')!;
  const status = el.querySelector<HTMLElement>('[data-status]');
  const statusText = status?.querySelector<HTMLElement>('[data-status-text]');
  const bar = status?.querySelector<HTMLProgressElement>('progress');

  /**
   * Engine answers carry the published (English) data text; a translated page swaps in its
   * language's (fetched once, from its own origin, only when the engine answered).
   */
  let texts: Promise<DataTexts | null> | null = null;
  const dataTexts = () =>
    (texts ??=
      chartLocale() === 'en'
        ? Promise.resolve(null)
        : fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}${chartLocale()}/data-text.json`)
            .then((r) => (r.ok ? (r.json() as Promise<DataTexts>) : null))
            .catch(() => null));
  const engineRows = async (db: { queryBrowser: QueryFn }, state: State) => localizeRows(spec, await runQueries(spec, state, db.queryBrowser), await dataTexts());

  const cache = new Map<string, Entry>();
  const built = parseLoose(spec, ctrl.data.state) as State;
  if (ctrl.data.wide) {
    const wide = parseLoose(spec, ctrl.data.wide.state) as State;
    cache.set(queryKey(spec, wide), { state: wide, rows: ctrl.data.wide.rows });
  }
  cache.set(queryKey(spec, built), { state: built, rows: ctrl.data.rows });
  const cols = clientColumns(spec);
  /** The rows in the columns the page holds (an engine answer has more), as text to compare. */
  const held = (rows: ChartRows) =>
    JSON.stringify(
      Object.keys(cols)
        .filter((k) => spec.datasets[k].role !== 'meta')
        .map((k) => (rows[k] ?? []).map((r) => cols[k].map((c) => r[c] ?? null))),
    );
  let current: State = built;
  let drawnLive = false;
  /**
   * Rows the data table and the comparability note were last rebuilt from: at first the built
   * rows, which the page's HTML already shows (a first change of scale, index or markers then
   * rebuilds no table, as no later one does).
   */
  let tabled: ChartRows | null = ctrl.data.rows;
  /** Source list last rebuilt, as its (publisher, title, url) entries in order. */
  let listed: string | null = null;
  let seq = 0;

  /** Readers waiting for the engine: progress shows only then (a load on intent or idle is silent). */
  let waiting = 0;
  function setStatus(text: string | null, progress?: { loaded: number; total: number }) {
    if (!status || !statusText) return;
    if (text !== null && progress && waiting === 0) return;
    status.hidden = text === null;
    if (text !== null && statusText.textContent !== text) statusText.textContent = text;
    if (bar) {
      bar.hidden = !progress;
      if (progress && progress.total > 0) {
        bar.max = progress.total;
        bar.value = progress.loaded;
      } else bar.removeAttribute('value');
    }
  }

  // The engine: imported, started and filled on demand, once per page.
  let engineReady: Promise<typeof import('../../db/browser.ts')> | null = null;
  function engine() {
    engineReady ??= (async () => {
      const t0 = performance.now();
      const db = await import('../../db/browser.ts');
      const off = db.onProgress((p) => {
        if (p.phase === 'engine') {
          const { loaded, total } = wireProgress(p.loaded, p.total);
          setStatus(tx('Loading the query engine: {loaded} of {total} MB', { loaded: mb(loaded), total: mb(total) }), { loaded, total });
        }
        else if (p.phase === 'table') setStatus(tx('Loading data: {name}', { name: p.name ?? '' }), p);
      });
      try {
        setStatus(tx('Loading the query engine…'), { loaded: 0, total: 0 });
        await db.ensureTables(spec.tables);
        // Run the view's queries once before calling the engine ready: the first run of a query
        // plan in DuckDB-WASM pays for compiling the wasm code it touches (about twice a warm
        // run), and this way that cost is paid while the loading status still shows, not on the
        // reader's next click. When the change that started the engine needs a query, this is
        // that very query (rowsFor finds it in the cache), so nothing runs twice.
        // A failure here is left for rowsFor to run into again and report.
        const state = current;
        const key = queryKey(spec, state);
        setStatus(cache.has(key) ? tx('Loading the query engine…') : tx('Updating the chart…'), cache.has(key) ? { loaded: 0, total: 0 } : undefined);
        await engineRows(db, state).then(
          (rows) => settle(state, key, rows),
          () => undefined,
        );
        el.dataset.engineReadyMs = String(Math.round(performance.now() - t0));
      } finally {
        off();
      }
      return db;
    })();
    engineReady.catch(() => (engineReady = null));
    return engineReady;
  }

  /** An engine answer for `state`: cached, and drawn if it differs from a quick answer on screen. */
  function settle(state: State, key: string, rows: ChartRows) {
    const had = cache.get(key);
    if (had && !had.quick) return;
    cache.set(key, { state, rows });
    if (had?.quick && held(had.rows) !== held(rows) && queryKey(spec, current) === key) {
      console.warn('quick redraw differed from the engine; redrawn from the engine', key);
      draw(current, rows);
    }
  }

  /** Once the engine runs, checks the view on screen if the quick path drew it (latest view only). */
  let verifying = false;
  function verify() {
    // An embed starts the engine only when it must answer a query.
    if (verifying || (el.dataset.engine === 'on-demand' && !engineReady)) return;
    verifying = true;
    void engine()
      .then(async (db) => {
        for (;;) {
          const state = current;
          const key = queryKey(spec, state);
          if (!cache.get(key)?.quick) break;
          settle(state, key, await engineRows(db, state));
        }
      })
      .catch(() => undefined)
      .finally(() => (verifying = false));
  }

  async function rowsFor(state: State): Promise<ChartRows> {
    const key = queryKey(spec, state);
    const hit = cache.get(key);
    if (hit) return hit.rows;
    // The quick path: narrow rows already held (engine answers and the page's own rows first).
    for (const e of [...cache.values()].sort((a, b) => Number(!!a.quick) - Number(!!b.quick))) {
      const rows = quickRows(spec, e, state);
      if (rows) {
        cache.set(key, { state, rows, quick: true });
        verify();
        return rows;
      }
    }
    waiting++;
    const db = await engine().finally(() => waiting--);
    const warmed = cache.get(key);
    if (warmed) return warmed.rows;
    setStatus(tx('Updating the chart…'));
    const rows = await engineRows(db, state);
    cache.set(key, { state, rows });
    return rows;
  }

  function syncForm(state: State) {
    if (!form) return;
    for (const c of spec.controls) {
      if (c.kind === 'checkboxes') {
        const on = new Set((state[c.key] as string[]) ?? []);
        form.querySelectorAll<HTMLInputElement>(`input[name="${c.key}"]`).forEach((i) => (i.checked = on.has(i.value)));
      } else if (c.kind === 'radio') {
        form.querySelectorAll<HTMLInputElement>(`input[name="${c.key}"]`).forEach((i) => (i.checked = i.value === String(state[c.key])));
      } else if (c.kind === 'select') {
        const s = form.querySelector<HTMLSelectElement>(`select[name="${c.key}"]`);
        if (s) s.value = String(state[c.key]);
      } else {
        for (const k of [c.fromKey, c.toKey]) {
          const i = form.querySelector<HTMLInputElement>(`input[name="${k}"]`);
          if (i) i.value = String(state[k]);
          const o = form.querySelector<HTMLOutputElement>(`output[data-for="${k}"]`);
          // The slider ends at the data's latest year: show the year it holds, not an open bound.
          if (o) o.textContent = i ? i.value : String(state[k]);
        }
      }
    }
  }

  function draw(state: State, rows: ChartRows) {
    const width = plot.clientWidth || 640;
    const svg = Plot.plot(plotOptions(spec, rows, state as DrawState, { width })) as unknown as SVGSVGElement;
    const holder = document.createElement('div');
    holder.className = 'chart-svg chart-svg--live';
    holder.append(svg);
    plot.querySelectorAll('.chart-svg').forEach((n) => n.remove());
    plot.prepend(holder);
    drawnLive = true;

    const summary = el.querySelector('[data-summary]');
    if (summary) summary.textContent = describeChart(spec, rows, state as DrawState);
    // A view-only change (scale, index, markers) or a resize redraws from the same rows: the
    // table and the note then already show them, and rebuilding hundreds of cells is the costly
    // part of a redraw.
    if (rows !== tabled) {
      renderTable(rows);
      // Comparability notes of countries not shown are hidden, not removed (they come back).
      // A re-query brings the series metadata: rebuild the note when the drawn series changed.
      const note = el.querySelector<HTMLElement>('[data-comparability]');
      if (note && rows.meta) renderNote(note, rows.meta, rows[spec.encodings.dataset] ?? [], spec.palette);
      tabled = rows;
    }
    renderSources(rows, state);
    // An empty list means "every country", so nothing is hidden then.
    const countries = state.countries as string[] | undefined;
    if (countries?.length) el.querySelectorAll<HTMLElement>('[data-note-country]').forEach((n) => (n.hidden = !countries.includes(n.dataset.noteCountry ?? '')));
    else el.querySelectorAll<HTMLElement>('[data-note-country]').forEach((n) => (n.hidden = false));

    ctrl.setRows(rows, state);
    ctrl.refresh();
    el.dataset.state = JSON.stringify(state);
    el.dispatchEvent(new CustomEvent('chart:render', { detail: { state, rows, svg }, bubbles: true }));
  }

  function renderTable(rows: ChartRows) {
    const tbody = el.querySelector<HTMLTableSectionElement>('[data-table] tbody');
    if (!tbody) return;
    const data = rows[spec.encodings.dataset] ?? [];
    // Built off the document, then swapped in with one DOM write.
    const frag = document.createDocumentFragment();
    frag.append(
      ...data.map((r) => {
        const tr = document.createElement('tr');
        for (const col of spec.table) {
          const td = document.createElement('td');
          if (col.format === 'number') td.className = 'num';
          td.dataset.label = col.label;
          const href = cellHref(col, r);
          if (href) {
            const a = document.createElement('a');
            a.href = href;
            a.rel = 'noopener noreferrer';
            a.textContent = cellText(col, r);
            td.append(a);
          } else td.textContent = cellText(col, r);
          tr.append(td);
        }
        return tr;
      }),
    );
    tbody.replaceChildren(frag);
    const count = el.querySelector('[data-table-count]');
    if (count) count.textContent = String(data.length);
  }

  function renderSources(rows: ChartRows, state: State) {
    const list = el.querySelector<HTMLElement>('[data-sources]');
    if (!list) return;
    const refs = sourcesOf(rows, sourceDatasets(spec, state as DrawState));
    const ids = JSON.stringify(refs.map((s) => [s.publisher, s.title, s.url]));
    if (ids === listed) return;
    listed = ids;
    list.replaceChildren(
      ...refs.map((s) => {
        const li = document.createElement('li');
        li.append(`${s.publisher}: `);
        if (s.url) {
          const a = document.createElement('a');
          a.href = s.url;
          a.rel = 'noopener noreferrer';
          a.textContent = s.title;
          li.append(a);
        } else li.append(s.title);
        return li;
      }),
    );
    const publishers = el.querySelector('[data-source-publishers]');
    if (publishers) publishers.textContent = publisherSummary(refs);
    const n = el.querySelector('[data-source-count]');
    if (n) n.textContent = String(refs.length);
  }

  async function apply(state: State, writeUrl: boolean) {
    const my = ++seq;
    current = state;
    syncForm(state);
    if (writeUrl && useUrl) {
      const search = writeState(spec, state, location.search, prefix);
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
    // First interaction: start the engine in the background even if this change needs no query.
    // (Not where the figure asks for the engine on demand only: an embed has no controls.)
    const warming = el.dataset.engine === 'on-demand' ? Promise.resolve() : engine();
    try {
      const rows = await rowsFor(state);
      if (my !== seq) return; // a newer change is already on its way
      draw(state, rows);
      const warmed = await warming.then(
        () => true,
        (err) => (console.warn('chart engine failed to start', err), false),
      );
      if (my === seq) setStatus(warmed ? null : tx('The query engine could not start; the chart can still change scale and markers.'));
    } catch (err) {
      if (my !== seq) return;
      setStatus(tx('Could not update the chart ({error}). The chart shows the previous view.', { error: err instanceof Error ? err.message : String(err) }));
      console.warn(err);
    }
  }

  /**
   * On intent, once: the work of a redraw done off screen (Plot's marks, scales and axes, the
   * quick path, the summary) while the pointer is still on its way, so the first change costs
   * what every later one does: the first run of that code is what made a first click slower.
   * Nothing is drawn or changed.
   */
  let rehearsed = false;
  /** States one view control away from `s` (each other option of a radio or select, the first checkbox flipped), at most 8. */
  function neighbours(s: State): State[] {
    const out: State[] = [];
    for (const c of spec.controls) {
      if (c.kind === 'radio' || c.kind === 'select') {
        for (const o of c.options) if (String(s[c.key]) !== o.value) out.push(parseLoose(spec, { ...s, [c.key]: o.value }) as State);
      } else if (c.kind === 'checkboxes' && c.options[0]) {
        const on = (s[c.key] as string[] | undefined) ?? [];
        const v = c.options[0].value;
        out.push(parseLoose(spec, { ...s, [c.key]: on.includes(v) ? on.filter((x) => x !== v) : [...on, v] }) as State);
      }
    }
    return out.slice(0, 8);
  }
  function rehearse() {
    if (rehearsed || drawnLive) return;
    rehearsed = true;
    // The view on screen, then each view one control away from it (log scale, indexed, a marker
    // layer: their first draw runs code the first draw did not), one per idle slot.
    const states = [current, ...neighbours(current)];
    const run = () => {
      const state = states.shift();
      if (!state || drawnLive) return;
      try {
        const rows = cache.get(queryKey(spec, state))?.rows ?? [...cache.values()].map((e) => quickRows(spec, e, state)).find((r) => r);
        if (rows) {
          Plot.plot(plotOptions(spec, rows, state as DrawState, { width: plot.clientWidth || 640 }));
          describeChart(spec, rows, state as DrawState);
        }
      } catch (err) {
        console.warn('chart rehearsal failed', err);
      }
      next();
    };
    const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: object) => void }).requestIdleCallback;
    const next = () => (states.length ? (idle ? idle(run, { timeout: 200 }) : setTimeout(run, 0)) : undefined);
    next();
  }

  // Redraw at the real width when the container changes size (rotation, sidebar, embed resize).
  let lastWidth = plot.clientWidth;
  new ResizeObserver(() => {
    const w = plot.clientWidth;
    if (!drawnLive || Math.abs(w - lastWidth) < 8) return;
    lastWidth = w;
    const hit = cache.get(queryKey(spec, current));
    if (hit) draw(current, hit.rows);
  }).observe(plot);

  return {
    async fromForm() {
      if (!form) return;
      await apply(parseLoose(spec, { ...current, ...rawStateFromForm(spec, form) }) as State, true);
    },
    async fromUrl() {
      await apply(parseState(spec, location.search, prefix) as State, false);
    },
    preview(e: Event) {
      const input = e.target as HTMLInputElement;
      if (input?.type !== 'range') return;
      const o = form?.querySelector<HTMLOutputElement>(`output[data-for="${input.name}"]`);
      if (o) o.textContent = input.value;
    },
    prepare: rehearse,
    async warm() {
      rehearse();
      await engine().catch(() => undefined);
      setStatus(null);
    },
  };
}
