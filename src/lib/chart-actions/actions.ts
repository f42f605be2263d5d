/**
 * What the chart buttons do, loaded on first use by ./element.ts. Everything is made in the page
 * from what the page already holds (the rows of the view and the SVG on screen): no request.
 *
 *  - CSV: the rows of the chart's main dataset for the view on screen (countries, years), with
 *    raw values (an indexed view is drawn from the same rows) and the source of every row.
 *  - SVG: the chart as drawn, framed with title, sources and release (./svg-export.ts).
 *  - PNG: the same SVG drawn on a canvas at 2× (./png.ts).
 *  - Citation (plain text and BibTeX) and the permalink of the view.
 */
import { tx } from '../charts/locale.ts';
import type { ChartRows, Row } from '../charts/spec.ts';
import { unpackRows, type Packed } from '../charts/pack.ts';
import { sourcesOf } from '../charts/sources.ts';
import { buildCitation, citeKey, sourcesPhrase, type Citation } from './citation.ts';
import { downloadName, rowsToCsv } from './files.ts';
import { EXPORT_FONT_STACK, standaloneSvg } from './svg-export.ts';
import { embedExportFonts, loadExportFonts } from './export-fonts.ts';
import { keyFor, type KeyItem } from '../charts/key.ts';
import { svgToPng } from './png.ts';

/** Detail of the figure's `chart:render` event. */
export interface Rendered {
  state: Record<string, unknown>;
  rows: ChartRows;
  svg?: Element;
}

interface Config {
  /** Chart part of file names and of the citation key (see files.ts fileBase). */
  chart: string;
  title: string;
  subtitle: string;
  release: { id: string; date: string };
  dataset: string;
  columns: string[];
  layers: { layer: string; dataset: string }[];
  figureId: string;
  key: KeyItem[];
  /** Title of each series id the page was built with (the citation names series by title). */
  seriesTitles: Record<string, string>;
}

function config(el: HTMLElement): Config {
  const d = el.dataset;
  return {
    chart: d.fileBase ?? d.chart ?? 'chart',
    title: d.title ?? '',
    subtitle: d.subtitle ?? '',
    release: { id: d.release ?? 'unreleased', date: d.releaseDate ?? '' },
    dataset: d.dataset ?? 'data',
    columns: JSON.parse(d.columns ?? '[]') as string[],
    layers: JSON.parse(d.layers ?? '[]') as { layer: string; dataset: string }[],
    figureId: d.figure ?? '',
    key: JSON.parse(d.key ?? '[]') as KeyItem[],
    seriesTitles: JSON.parse(d.seriesTitles ?? '{}') as Record<string, string>,
  };
}

const embeddedRows = new WeakMap<HTMLElement, ChartRows>();

/** Rows of the view: the last redraw's, else the rows the page was built with. */
function rowsOf(fig: HTMLElement | null, rendered: Rendered | null): ChartRows {
  if (rendered?.rows) return rendered.rows;
  if (!fig) return {};
  let rows = embeddedRows.get(fig);
  if (!rows) {
    const raw = JSON.parse(fig.dataset.rows ?? '{}') as { packed?: Packed; rows?: ChartRows };
    rows = raw.packed ? unpackRows(raw.packed) : (raw.rows ?? {});
    embeddedRows.set(fig, rows);
  }
  return rows;
}

function stateOf(fig: HTMLElement | null, rendered: Rendered | null): Record<string, unknown> {
  if (rendered?.state) return rendered.state;
  try {
    return JSON.parse(fig?.dataset.state ?? '{}');
  } catch {
    return {};
  }
}

/** The chart SVG the reader sees (the wide and narrow pre-renders are both in the page). */
function visibleSvg(fig: HTMLElement | null): SVGSVGElement | null {
  const svgs = Array.from(fig?.querySelectorAll<SVGSVGElement>('[data-plot] svg.chart-svg-plot') ?? []);
  const any = svgs.length ? svgs : Array.from(fig?.querySelectorAll<SVGSVGElement>('[data-plot] svg') ?? []);
  return any.find((s) => s.getBoundingClientRect().width > 0) ?? any[0] ?? null;
}

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The Web Share API on a touch device (where the share sheet is the natural way to send a link). */
function canUseShareSheet(data: ShareData): boolean {
  if (typeof navigator.share !== 'function') return false;
  if (typeof navigator.canShare === 'function' && !navigator.canShare(data)) return false;
  return matchMedia('(pointer: coarse)').matches;
}

function permalink(cfg: Config): string {
  return `${location.origin}${location.pathname}${location.search}${cfg.figureId ? `#${cfg.figureId}` : ''}`;
}

function view(el: HTMLElement, rendered: Rendered | null) {
  const cfg = config(el);
  const fig = el.closest<HTMLElement>('chart-figure');
  const rows = rowsOf(fig, rendered);
  const state = stateOf(fig, rendered);
  const on = (state.layers as string[] | undefined) ?? [];
  const datasets = [cfg.dataset, ...cfg.layers.filter((l) => on.includes(l.layer)).map((l) => l.dataset)];
  const sources = sourcesOf(rows, datasets);
  const data: Row[] = rows[cfg.dataset] ?? [];
  const ids = [...new Set(data.map((r) => r.series_id).filter((s): s is string => typeof s === 'string'))];
  const series = ids.map((id) => (Object.hasOwn(cfg.seriesTitles, id) ? cfg.seriesTitles[id] : id));
  return { cfg, fig, rows, data, sources, series };
}

export function citationFor(el: HTMLElement, rendered: Rendered | null): Citation {
  const { cfg, sources, series } = view(el, rendered);
  return buildCitation(
    { title: cfg.title, series, sources, release: cfg.release, permalink: permalink(cfg), accessed: today() },
    citeKey(cfg.chart, cfg.release.id),
  );
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

async function copy(text: string, fallback?: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure origin): select the text so Ctrl+C works.
    if (fallback) {
      fallback.focus();
      fallback.select();
      try {
        return document.execCommand('copy');
      } catch {
        return false;
      }
    }
    return false;
  }
}

function framed(el: HTMLElement, rendered: Rendered | null) {
  const { cfg, fig, sources } = view(el, rendered);
  const svg = visibleSvg(fig);
  if (!svg) throw new Error('there is no chart to save');
  const markup = new XMLSerializer().serializeToString(svg);
  const state = stateOf(fig, rendered) as { layers?: string[] };
  return standaloneSvg(markup, {
    title: cfg.title,
    subtitle: cfg.subtitle,
    key: keyFor(cfg.key, state.layers),
    footer: [`${tx('Sources: {sources}', { sources: sourcesPhrase(sources, { maxPublishers: 6 }) })}.`, `${tx('Irregular Atlas, data release {id}', { id: cfg.release.id })} (${cfg.release.date}). ${permalink(cfg)}`],
  });
}

function say(el: HTMLElement, message: string) {
  const status = el.querySelector<HTMLElement>('[data-act-status]');
  if (!status) return;
  status.textContent = '';
  // A fresh text node each time, so the same message is announced again.
  requestAnimationFrame(() => (status.textContent = message));
}

/**
 * On intent over a button (./element.ts): what its click will need and can fetch beforehand. Over
 * PNG, the export fonts for the chart on screen (kept for the click; see ./export-fonts.ts).
 */
export function prepare(el: HTMLElement, act: string, rendered: Rendered | null): void {
  if (act !== 'png') return;
  try {
    void loadExportFonts(framed(el, rendered).markup).catch(() => undefined);
  } catch {
    // nothing to prepare (no chart yet): the click will say why
  }
}

export async function perform(el: HTMLElement, act: string, rendered: Rendered | null): Promise<void> {
  const cfg = config(el);
  try {
    switch (act) {
      case 'csv': {
        const { data } = view(el, rendered);
        const name = downloadName(cfg.chart, cfg.release.id, 'csv');
        save(new Blob([rowsToCsv(data, cfg.columns)], { type: 'text/csv;charset=utf-8' }), name);
        say(el, tx('Saved {name} ({n} rows).', { name, n: data.length }));
        break;
      }
      case 'svg': {
        const name = downloadName(cfg.chart, cfg.release.id, 'svg');
        save(new Blob([framed(el, rendered).markup], { type: 'image/svg+xml;charset=utf-8' }), name);
        say(el, tx('Saved {name}.', { name }));
        break;
      }
      case 'png': {
        const name = downloadName(cfg.chart, cfg.release.id, 'png');
        say(el, tx('Drawing the PNG…'));
        const f = framed(el, rendered);
        // The image carries its fonts (kana, hangul, accents draw without the reader's fonts).
        const markup = await embedExportFonts(f.markup, EXPORT_FONT_STACK);
        save(await svgToPng(markup, f.width, f.height, 2), name);
        say(el, tx('Saved {name} ({w} × {h} px).', { name, w: f.width * 2, h: f.height * 2 }));
        break;
      }
      case 'permalink': {
        const ok = await copy(permalink(cfg));
        say(el, ok ? tx('Link to this view copied.') : tx('Copy this link: {url}', { url: permalink(cfg) }));
        break;
      }
      case 'share': {
        const shared = { title: `${cfg.title} · Irregular Atlas`, url: permalink(cfg) };
        // Phones and tablets: the system share sheet. Elsewhere the sheet is a detour: copy
        // "title — URL", ready to paste into a message or a post.
        if (canUseShareSheet(shared)) {
          try {
            await navigator.share(shared);
            say(el, tx('Shared.'));
          } catch (err) {
            if ((err as DOMException)?.name !== 'AbortError') throw err;
          }
          break;
        }
        const text = `${cfg.title} — ${shared.url}`;
        say(el, (await copy(text)) ? tx('Title and link copied.') : tx('Copy this: {text}', { text }));
        break;
      }
      case 'cite':
      case 'copy-text':
      case 'copy-bibtex': {
        const c = citationFor(el, rendered);
        const text = el.querySelector<HTMLTextAreaElement>('[data-cite-text]');
        const bib = el.querySelector<HTMLTextAreaElement>('[data-cite-bibtex]');
        if (text) text.value = c.text;
        if (bib) bib.value = c.bibtex;
        if (act === 'copy-text') say(el, (await copy(c.text, text)) ? tx('Citation copied.') : tx('Select the citation and copy it.'));
        if (act === 'copy-bibtex') say(el, (await copy(c.bibtex, bib)) ? tx('BibTeX copied.') : tx('Select the BibTeX and copy it.'));
        break;
      }
    }
  } catch (err) {
    say(el, tx('Could not do that: {error}.', { error: err instanceof Error ? err.message : String(err) }));
    console.warn(err);
  }
}
