/**
 * Tells the host page how tall the embed is, so public/embed.js can size the iframe: on load, on
 * every size change of the content (ResizeObserver: width changes reflow the text and swap the
 * wide and narrow drawings; a redraw changes the height), and whenever the loader says hello (it
 * may load after the first report). The message carries only a height, so it is posted to any
 * origin: the embed cannot know who frames it. The loader checks where messages come from.
 */
import type { HeightMessage } from '../params.ts';

export function startHeightReporter(root: Element = document.querySelector('[data-embed-root]') ?? document.body): void {
  if (window.parent === window) return;
  let id = window.name || location.pathname + location.search;
  let last = -1;
  const send = (force = false) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (!force && height === last) return;
    last = height;
    const msg: HeightMessage = { type: 'atlas:height', id, height };
    window.parent.postMessage(msg, '*');
  };
  new ResizeObserver(() => send()).observe(root);
  addEventListener('load', () => send(true));
  addEventListener('message', (e) => {
    if (e.source !== window.parent) return;
    const d = e.data as { type?: unknown; id?: unknown; theme?: unknown } | null;
    if (!d || d.type !== 'atlas:hello') return;
    if (typeof d.id === 'string') id = d.id.slice(0, 200);
    // The host's own colour scheme, when it has a single one and the embed URL chose none.
    const html = document.documentElement;
    if ((d.theme === 'light' || d.theme === 'dark') && !new URLSearchParams(location.search).has('theme')) html.dataset.theme = d.theme;
    send(true);
  });
}
