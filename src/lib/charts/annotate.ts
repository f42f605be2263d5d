/**
 * Annotations drawn over a chart view: text notes pinned to a date and a value, shaded windows
 * (an application period, a law in force) and highlighted series. They are data, stored with the
 * view that shows them (a story's frontmatter, src/content/stories/), and drawn by this one module
 * wherever that view is drawn: the pre-rendered SVG, the browser redraw, the embed, the SVG/PNG
 * export (which copies the drawn SVG) and the social image (which renders the view at build time).
 *
 * Pure and browser-safe: Plot options in, Plot options out; no DOM but Plot's own.
 */
import { tx } from './locale.ts';
import * as Plot from '@observablehq/plot';
import type { ChartRows, ChartSpec } from './spec.ts';
import { formatFuzzyDate, parseDate } from './format.ts';

/** A note at a point: `value` in the chart's unit (null: at the top of the frame, above `date`). */
export interface NoteAnnotation {
  type: 'note';
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  value: number | null;
  text: string;
  /** Which side of the point the text sits on; `auto` puts it toward the middle of the chart. */
  align?: 'left' | 'right' | 'auto';
  /** Vertical offset of the text from the point, in pixels (negative: above). */
  dy?: number;
}

/** A shaded span of time across the whole frame, labelled at its top. */
export interface WindowAnnotation {
  type: 'window';
  from: string;
  to: string;
  label: string;
}

/** A series drawn with a halo under its line (every row of the main dataset with this `series_id`). */
export interface HighlightAnnotation {
  type: 'highlight';
  series: string;
}

export type Annotation = NoteAnnotation | WindowAnnotation | HighlightAnnotation;

export interface AnnotateContext {
  spec: ChartSpec;
  rows: ChartRows;
  state: { mode?: string };
  width: number;
}

/** Below this width notes wrap narrower and use the smaller type. */
const NARROW = 520;

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` → a UTC date at the start of that period. */
export function annotationDate(s: string): Date {
  const full = s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
  return parseDate(full);
}

/** The x domain of time options, or null when the chart has no time axis. */
function timeDomain(options: Plot.PlotOptions): [Date, Date] | null {
  const x = options.x as { type?: string; domain?: unknown[] } | undefined;
  if (!x || (x.type !== 'utc' && x.type !== 'time') || !Array.isArray(x.domain) || x.domain.length !== 2) return null;
  return [x.domain[0] as Date, x.domain[1] as Date];
}

interface PlacedText {
  kind: 'note' | 'label';
  x: Date;
  /** Value the note points at (a ring is drawn there); null: a dated note at the top of the frame. */
  value: number | null;
  text: string;
  /** Text to the right of its x (else to the left, ending at it). */
  right: boolean;
  /** Extra vertical shift chosen by the author, in pixels. */
  dy: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Notes written out under a narrow chart: wrapped lines per note and the room they take. */
interface NoteList {
  lines: string[][];
  height: number;
}

/** Greedy word wrap at `maxChars` characters per line. */
function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > maxChars) (lines.push(line), (line = w));
    else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Notes and window labels as one mark: each text is placed next to its point (above it, or under
 * it near the top of the frame) or at the top of the frame, then texts that would overlap are
 * moved down until they clear each other. Widths are estimated from the character count (no text
 * metrics at build time), generously, so the estimate errs toward more space.
 */
function textsMark(items: PlacedText[], fontSize: number, lineEms: number, list: NoteList | null): Plot.RenderFunction {
  return (_index, scales, _values, dims, context) => {
    const doc = context.document;
    const g = doc.createElementNS(SVG_NS, 'g');
    g.setAttribute('aria-hidden', 'true');
    g.setAttribute('class', 'chart-annotations');
    const sx = scales.x as (v: Date) => number;
    const sy = scales.y as ((v: number) => number) | undefined;
    const lh = fontSize + 2;
    const frameTop = dims.marginTop;
    const frameBottom = dims.height - dims.marginBottom;
    const maxChars = Math.max(8, Math.round((lineEms * fontSize) / (fontSize * 0.55)));
    // On a phone the notes are numbered at their points and written out under the chart.
    const numbered = list ? items.filter((it) => it.kind === 'note') : [];
    const placed = list ? items.filter((it) => it.kind !== 'note') : items;
    numbered.forEach((it, i) => {
      const px = sx(it.x);
      const py = it.value !== null && sy ? sy(it.value) : frameTop + 8;
      drawMarker(it, px, py);
      const badge = doc.createElementNS(SVG_NS, 'text');
      const right = px < dims.width - 24;
      for (const [k, v] of Object.entries({ x: Math.round((px + (right ? 7 : -7)) * 10) / 10, y: Math.round((py - 6) * 10) / 10, 'text-anchor': right ? 'start' : 'end', 'font-size': fontSize, 'font-weight': 700, fill: 'currentColor', stroke: 'white', 'stroke-width': 3.5, 'paint-order': 'stroke', class: 'chart-annotation-number' })) badge.setAttribute(k, String(v));
      badge.textContent = String(i + 1);
      g.appendChild(badge);
    });
    if (list) {
      let y = dims.height - list.height + 10;
      list.lines.forEach((lines, i) => {
        const t = doc.createElementNS(SVG_NS, 'text');
        for (const [k, v] of Object.entries({ x: 0, y: Math.round(y * 10) / 10, 'text-anchor': 'start', 'font-size': fontSize, fill: 'currentColor', class: 'chart-annotation-note chart-annotation-list' })) t.setAttribute(k, String(v));
        lines.forEach((line, j) => {
          const span = doc.createElementNS(SVG_NS, 'tspan');
          span.setAttribute('x', j === 0 ? '0' : '16');
          span.setAttribute('dy', j === 0 ? `${fontSize}` : `${lh}`);
          if (j === 0) {
            const num = doc.createElementNS(SVG_NS, 'tspan');
            num.setAttribute('font-weight', '700');
            num.textContent = `${i + 1}  `;
            span.appendChild(num);
            span.appendChild(doc.createTextNode(line));
          } else span.textContent = line;
          t.appendChild(span);
        });
        g.appendChild(t);
        y += lines.length * lh + 4;
      });
    }
    function drawMarker(it: PlacedText, px: number, py: number | null) {
      if (py !== null && it.value !== null) {
        const c = doc.createElementNS(SVG_NS, 'circle');
        for (const [k, v] of Object.entries({ cx: px, cy: py, r: fontSize < 11 ? 4 : 5, fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, class: 'chart-annotation-point' })) c.setAttribute(k, String(v));
        g.appendChild(c);
      } else {
        const l = doc.createElementNS(SVG_NS, 'line');
        for (const [k, v] of Object.entries({ x1: px, x2: px, y1: frameTop, y2: frameBottom, stroke: 'currentColor', 'stroke-opacity': 0.45, 'stroke-dasharray': '2,3', class: 'chart-annotation-rule' })) l.setAttribute(k, String(v));
        g.appendChild(l);
      }
    }
    const boxes = placed.map((it) => {
      const px = sx(it.x);
      const py = it.value !== null && sy ? sy(it.value) : null;
      const lines = wrapWords(it.text, it.kind === 'label' ? Math.round(maxChars * 0.7) : maxChars);
      const w = Math.max(...lines.map((l) => l.length)) * fontSize * 0.56;
      const h = lines.length * lh;
      let top: number;
      if (py === null) top = frameTop + 4;
      else top = py - 10 - h < frameTop ? py + 10 : py - 10 - h;
      top += it.dy;
      const tx = it.right ? px + (it.kind === 'label' ? 4 : 8) : px - 8;
      const left = it.right ? tx : tx - w;
      return { it, px, py, lines, w, h, top, tx, left };
    });
    // Move overlapping texts apart, top to bottom.
    const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].top - boxes[b].top);
    for (let k = 1; k < order.length; k++) {
      const b = boxes[order[k]];
      for (let m = 0; m < k; m++) {
        const a = boxes[order[m]];
        const overlapX = a.left < b.left + b.w + 4 && b.left < a.left + a.w + 4;
        if (overlapX && b.top < a.top + a.h + 2) b.top = a.top + a.h + 2;
      }
    }
    for (const b of boxes) {
      if (b.it.kind === 'note') drawMarker(b.it, b.px, b.py);
      const t = doc.createElementNS(SVG_NS, 'text');
      const attrs: Record<string, string | number> = {
        x: Math.round(b.tx * 10) / 10,
        y: Math.round(b.top * 10) / 10,
        'text-anchor': b.it.right ? 'start' : 'end',
        'font-size': b.it.kind === 'label' ? fontSize - 0.5 : fontSize,
        fill: 'currentColor',
        stroke: 'white',
        'stroke-width': 3.5,
        'paint-order': 'stroke',
        class: b.it.kind === 'label' ? 'chart-annotation-label' : 'chart-annotation-note',
      };
      if (b.it.kind === 'note') attrs['font-style'] = 'italic';
      for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, String(v));
      b.lines.forEach((line, i) => {
        const span = doc.createElementNS(SVG_NS, 'tspan');
        span.setAttribute('x', String(Math.round(b.tx * 10) / 10));
        span.setAttribute('dy', i === 0 ? `${fontSize}` : `${lh}`);
        span.textContent = line;
        t.appendChild(span);
      });
      g.appendChild(t);
    }
    return g as unknown as SVGElement;
  };
}

/** Plot options with the annotations added: windows and halos under the data, notes on top. */
export function annotate(options: Plot.PlotOptions, annotations: readonly Annotation[], ctx: AnnotateContext): Plot.PlotOptions {
  if (!annotations.length) return options;
  const domain = timeDomain(options);
  if (!domain) return options;
  const [lo, hi] = domain;
  const inView = (d: Date) => +d >= +lo && +d <= +hi;
  const narrow = ctx.width < NARROW;
  const fontSize = narrow ? 10.5 : 11.5;
  const yIsLinear = ((options.y as { type?: string } | undefined)?.type ?? 'linear') !== 'band';
  const indexed = ctx.state.mode === 'indexed';
  const decorative = { ariaHidden: 'true' };

  const under: Plot.Markish[] = [];
  const over: Plot.Markish[] = [];
  /** Texts placed together by `textsMark`, so they can move apart where they would overlap. */
  const texts: PlacedText[] = [];

  for (const a of annotations) {
    if (a.type === 'window') {
      const from = annotationDate(a.from);
      const to = annotationDate(a.to);
      if (+to < +lo || +from > +hi) continue;
      const span = { x1: +from < +lo ? lo : from, x2: +to > +hi ? hi : to };
      under.push(Plot.rect([span], { x1: 'x1', x2: 'x2', fill: 'currentColor', fillOpacity: 0.09, className: 'chart-annotation-window', ...decorative }));
      texts.push({ kind: 'label', x: span.x1, value: null, text: a.label, right: true, dy: 0 });
    } else if (a.type === 'highlight') {
      if (indexed) continue;
      const enc = ctx.spec.encodings;
      const pts = (ctx.rows[enc.dataset] ?? [])
        .filter((r) => r.series_id === a.series && typeof r[enc.y] === 'number')
        .map((r) => ({ x: parseDate(String(r[enc.x])), y: r[enc.y] as number, line: String(r[enc.line] ?? ''), z: '' }))
        .sort((p, q) => (p.line < q.line ? -1 : p.line > q.line ? 1 : +p.x - +q.x));
      if (!pts.length) continue;
      // The halo breaks where its line breaks: more than three years without a value (plot-options.ts).
      let run = 0;
      pts.forEach((p, i) => {
        const prev = pts[i - 1];
        if (!prev || prev.line !== p.line || +p.x - +prev.x > 3 * 365.25 * 864e5) run++;
        p.z = `${p.line}#${run}`;
      });
      under.push(Plot.lineY(pts, { x: 'x', y: 'y', z: 'z', stroke: 'currentColor', strokeOpacity: 0.16, strokeWidth: narrow ? 7 : 9, strokeLinecap: 'round', strokeLinejoin: 'round', className: 'chart-annotation-highlight', ...decorative }));
    } else {
      const at = annotationDate(a.date);
      if (!inView(at)) continue;
      const right = a.align === 'right' || ((a.align ?? 'auto') === 'auto' && +at < +lo + (+hi - +lo) * 0.55);
      const pinned = a.value !== null && yIsLinear && !indexed;
      texts.push({ kind: 'note', x: at, value: pinned ? a.value : null, text: a.text, right, dy: a.dy ?? 0 });
    }
  }
  // Narrow charts number their notes and list them under the chart, inside the SVG (so exports keep them).
  let list: NoteList | null = null;
  let extra = 0;
  const notes = texts.filter((t) => t.kind === 'note');
  if (narrow && notes.length) {
    const perLine = Math.max(16, Math.floor((ctx.width - 20) / (fontSize * 0.56)));
    const lines = notes.map((n) => wrapWords(n.text, perLine));
    extra = lines.reduce((a, l) => a + l.length * (fontSize + 2) + 4, 0) + 14;
    list = { lines, height: extra };
  }
  if (texts.length) over.push(textsMark(texts, fontSize, narrow ? 11 : 18, list));

  const marks = [...((options.marks ?? []) as Plot.Markish[])];
  // Under the data but over the grid (the first mark of every kind is its grid).
  marks.splice(Math.min(1, marks.length), 0, ...under);
  marks.push(...over);
  if (!extra) return { ...options, marks };
  // Room for the list under everything the kind drew (its strips are placed from the frame's bottom).
  return { ...options, marks, height: (options.height ?? 0) + extra, marginBottom: (options.marginBottom ?? 0) + extra };
}

/** The annotations in words, for the text alternative of a chart (the figure's summary). */
export function describeAnnotations(annotations: readonly Annotation[], state: { from?: number; to?: number } = {}): string {
  const year = (d: string) => Number(d.slice(0, 4));
  const inYears = (from: string, to: string) => (state.from === undefined || year(to) >= state.from) && (state.to === undefined || year(from) <= state.to);
  const parts = annotations.flatMap((a) => {
    if (a.type !== 'highlight' && !inYears(a.type === 'note' ? a.date : a.from, a.type === 'note' ? a.date : a.to)) return [];
    if (a.type === 'note') return [`${a.text} (${formatFuzzyDate(a.date)})`];
    if (a.type === 'window') return [tx('shaded from {from} to {to}: {label}', { from: formatFuzzyDate(a.from), to: formatFuzzyDate(a.to), label: a.label })];
    return [];
  });
  return parts.length ? tx('Marked on the chart: {items}.', { items: parts.join(tx('; ')) }) : '';
}
