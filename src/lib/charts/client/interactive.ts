/**
 * Second stage of a chart in the browser, still light (no Plot, no zod, no DuckDB): tooltips on
 * hover, tap and keyboard focus over the SVG already in the page, using the rows embedded in the
 * figure. Control changes are handed to ./hydrate.ts, which is the heavy stage.
 *
 * Tooltip text is set with textContent only; source links get their href from the data but only
 * when it is an http(s) URL.
 */
import type { ChartRows, DatasetRole, Row } from '../spec.ts';
import { tipContent } from '../tooltip.ts';
import { unpackRows, type Packed } from '../pack.ts';

export interface Embedded {
  /** Rows of each dataset for the state the SVG shows. */
  rows: ChartRows;
  /** Role of each dataset (how to word its tooltip). */
  roles: Record<string, DatasetRole>;
  /** The state the rows were queried for. */
  state: Record<string, unknown>;
  /** Rows of a wider state the page also holds (the quick path narrows them, ../quick.ts). */
  wide?: { rows: ChartRows; state: Record<string, unknown> };
}

/** What the heavy stage needs from the light one. */
export interface ChartController {
  el: HTMLElement;
  data: Embedded;
  /** Replace the rows the tooltips read (after a re-query). */
  setRows(rows: ChartRows, state: Record<string, unknown>): void;
  /** Re-collect the points of the current SVG (after a redraw). */
  refresh(): void;
  hideTip(): void;
}

/** Nearest-point selection radius: a point is a target at least 2 × 36 px wide, well over 24 px on touch. */
const NEAR_PX = 36;

export function enhance(el: HTMLElement, first: Event | null, opts: { preload?: false | 'code' | 'engine' } = {}): ChartController {
  const raw = JSON.parse(el.dataset.rows ?? '{}') as {
    packed?: Packed;
    roles?: Embedded['roles'];
    state?: Embedded['state'];
    /** When present, `packed` holds the rows of `wideState`, and `pick` the drawn rows' indices in them. */
    pick?: Record<string, number[]>;
    wideState?: Embedded['state'];
  };
  const all = raw.packed ? unpackRows(raw.packed) : {};
  const drawn = raw.pick ? Object.fromEntries(Object.entries(raw.pick).map(([k, idx]) => [k, idx.map((i) => all[k][i])])) : all;
  const data: Embedded = { rows: drawn, roles: raw.roles ?? {}, state: raw.state ?? {}, wide: raw.pick && raw.wideState ? { rows: all, state: raw.wideState } : undefined };
  const plot = el.querySelector<HTMLElement>('[data-plot]')!;
  const tip = el.querySelector<HTMLElement>('[data-tooltip]')!;
  let points: SVGElement[] = [];
  let active: SVGElement | null = null;
  let pinned = false;

  /** Points of the SVG that is displayed (the wide and narrow pre-renders are both in the page). */
  function collect() {
    const svgs = Array.from(plot.querySelectorAll<SVGSVGElement>('svg.chart-svg-plot'));
    const shown = svgs.find((s) => s.getBoundingClientRect().width > 0) ?? svgs[0];
    points = shown ? Array.from(shown.querySelectorAll<SVGElement>('[data-tip]')) : [];
  }

  function rowOf(p: Element): { role: DatasetRole; row: Row } | null {
    const [dataset, i] = (p.getAttribute('data-tip') ?? '').split(':');
    const row = data.rows[dataset]?.[Number(i)];
    const role = data.roles[dataset];
    return row && role ? { role, row } : null;
  }

  function show(p: SVGElement) {
    const found = rowOf(p);
    if (!found) return hide();
    const c = tipContent(found.role, found.row);
    tip.replaceChildren();
    const h = document.createElement('strong');
    h.textContent = c.heading;
    tip.append(h);
    for (const line of c.lines) {
      const s = document.createElement('span');
      s.textContent = line;
      tip.append(s);
    }
    if (c.source) {
      const s = document.createElement('span');
      s.className = 'chart-tooltip-source';
      if (c.source.href && /^https?:\/\//.test(c.source.href)) {
        const a = document.createElement('a');
        a.href = c.source.href;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        a.textContent = c.source.text;
        s.append('Source: ', a);
      } else s.textContent = `Source: ${c.source.text}`;
      tip.append(s);
    }
    active?.classList.remove('is-active');
    active = p;
    p.classList.add('is-active');
    tip.hidden = false;
    place(p);
  }

  function place(p: SVGElement) {
    const box = plot.getBoundingClientRect();
    const r = p.getBoundingClientRect();
    const cx = r.left + r.width / 2 - box.left;
    const cy = r.top + r.height / 2 - box.top;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    let left = cx + 14;
    if (left + w > box.width) left = Math.max(0, cx - 14 - w);
    let top = cy - h / 2;
    top = Math.min(Math.max(0, top), Math.max(0, box.height - h));
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  function hide() {
    pinned = false;
    tip.hidden = true;
    active?.classList.remove('is-active');
    active = null;
  }

  function nearest(e: PointerEvent | MouseEvent): SVGElement | null {
    let best: SVGElement | null = null;
    let bestD = NEAR_PX * NEAR_PX;
    for (const p of points) {
      const r = p.getBoundingClientRect();
      const dx = r.left + r.width / 2 - e.clientX;
      const dy = r.top + r.height / 2 - e.clientY;
      const d = dx * dx + dy * dy;
      if (d < bestD) (bestD = d), (best = p);
    }
    return best;
  }

  plot.addEventListener('pointermove', (e) => {
    if (pinned || e.pointerType === 'touch') return;
    if (!points.length) collect();
    const p = nearest(e);
    if (p) {
      if (p !== active) show(p);
    } else if (!tip.contains(e.target as Node)) hide();
  });
  plot.addEventListener('pointerleave', (e) => {
    if (!pinned && !tip.contains(e.relatedTarget as Node)) hide();
  });
  tip.addEventListener('pointerleave', (e) => {
    if (!pinned && !plot.contains(e.relatedTarget as Node)) hide();
  });
  // A tap or click pins the tooltip so its source link can be followed.
  plot.addEventListener('click', (e) => {
    if (tip.contains(e.target as Node)) return;
    collect();
    const p = nearest(e);
    if (p) {
      show(p);
      pinned = true;
    } else hide();
  });
  document.addEventListener('click', (e) => {
    if (pinned && !plot.contains(e.target as Node)) hide();
  });

  // Keyboard: Tab reaches the first point of each line; arrows move along it (←/→) or across
  // lines (↑/↓); Escape closes the tooltip.
  plot.addEventListener('focusin', (e) => {
    const p = (e.target as Element).closest?.('[data-tip]') as SVGElement | null;
    if (p) {
      collect();
      show(p);
    }
  });
  plot.addEventListener('focusout', (e) => {
    if (!plot.contains(e.relatedTarget as Node)) hide();
  });
  plot.addEventListener('keydown', (e) => {
    const p = (e.target as Element).closest?.('[data-tip]') as SVGElement | null;
    if (!p) return;
    if (e.key === 'Escape') return hide();
    if (!points.length) collect();
    const group = (q: Element) => q.getAttribute('data-line') ?? q.getAttribute('data-tip')!.split(':')[0];
    const same = points.filter((q) => group(q) === group(p));
    const i = same.indexOf(p);
    let next: SVGElement | undefined;
    if (e.key === 'ArrowRight') next = same[i + 1];
    else if (e.key === 'ArrowLeft') next = same[i - 1];
    else if (e.key === 'Home') next = same[0];
    else if (e.key === 'End') next = same[same.length - 1];
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const groups = [...new Set(points.map(group))];
      const g = groups[groups.indexOf(group(p)) + (e.key === 'ArrowDown' ? 1 : -1)];
      const x = p.getBoundingClientRect().left;
      next = points
        .filter((q) => group(q) === g)
        .sort((a, b) => Math.abs(a.getBoundingClientRect().left - x) - Math.abs(b.getBoundingClientRect().left - x))[0];
    } else return;
    e.preventDefault();
    if (next) {
      p.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
  });

  const ctrl: ChartController = {
    el,
    data,
    setRows(rows, state) {
      data.rows = rows;
      data.state = state;
    },
    refresh() {
      hide();
      // Collected on the next pointer or key use: collect() reads layout, and right after a
      // redraw that would force a layout pass in the middle of the redraw's DOM writes.
      points = [];
    },
    hideTip: hide,
  };

  // Controls: the first change loads the heavy stage; later changes go straight to it.
  const form = el.querySelector<HTMLFormElement>('[data-controls]');
  let heavy: Promise<typeof import('./hydrate.ts')> | null = null;
  const loadHeavy = () => (heavy ??= import('./hydrate.ts'));
  const update = (e: Event | null) =>
    void loadHeavy().then((m) => m.hydrate(ctrl).then((h) => (e ? h.fromForm(e) : h.fromUrl())));
  form?.addEventListener('change', update);
  form?.addEventListener('input', (e) => void loadHeavy().then((m) => m.hydrate(ctrl).then((h) => h.preview(e))));
  form?.addEventListener('submit', (e) => e.preventDefault());

  // Intent: a pointer or focus over the controls starts the heavy stage and the engine, so the
  // change that follows redraws at once and a query finds the engine (nearly) ready.
  const intent = () => void loadHeavy().then((m) => m.hydrate(ctrl).then((h) => h.warm()));
  if (form) {
    for (const t of ['pointerover', 'focusin', 'touchstart'] as const) form.addEventListener(t, intent, { once: true, passive: true });
    if (form.matches(':hover') || form.contains(document.activeElement)) intent();
  }

  const params = (el.dataset.params ?? '').split(',').filter(Boolean);
  const search = new URLSearchParams(location.search);
  if (first && (first.type === 'change' || first.type === 'input') && form?.contains(first.target as Node)) update(first);
  else if (params.some((p) => search.has(p))) update(null);
  else if (opts.preload) void loadHeavy().then((m) => m.hydrate(ctrl).then((h) => (opts.preload === 'engine' ? h.warm() : h.prepare())));
  // The tap that woke the chart shows its tooltip (first tap, not second): the nearest point to it.
  if (first?.type === 'click' && plot.contains(first.target as Node)) {
    collect();
    const p = nearest(first as MouseEvent);
    if (p) (show(p), (pinned = true));
  }
  if (first?.type === 'focusin') {
    const p = (first.target as Element).closest?.('[data-tip]') as SVGElement | null;
    if (p) (collect(), show(p));
  }
  el.setAttribute('data-state-phase', 'interactive');
  return ctrl;
}
