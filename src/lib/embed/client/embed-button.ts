/**
 * `<embed-button>` (components/EmbedButton.astro): keeps the snippet in step with the chart on
 * screen. The view comes from the figure's `data-state` (updated with every redraw, announced by
 * `chart:render`), so figures that keep no URL state work too; the embed URL gets the chart's
 * parameters only when the view differs from the default, plus the theme and the pinned release.
 */
import { embedPath, embedSearch, embedSnippet, type ParamField, type Theme } from '../params.ts';

class EmbedButton extends HTMLElement {
  connectedCallback() {
    const d = this.dataset;
    const fields = JSON.parse(d.fields ?? '[]') as ParamField[];
    const defaults = JSON.parse(d.defaults ?? '{}') as Record<string, unknown>;
    const fig = this.closest<HTMLElement>('chart-figure');
    const code = this.querySelector<HTMLTextAreaElement>('[data-embed-code]');
    const pin = this.querySelector<HTMLInputElement>('[data-embed-pin]');
    const theme = this.querySelector<HTMLSelectElement>('[data-embed-theme]');
    const copy = this.querySelector<HTMLButtonElement>('[data-embed-copy]');
    const copied = this.querySelector<HTMLElement>('[data-embed-copied]');
    const preview = this.querySelector<HTMLAnchorElement>('[data-embed-preview]');
    const base = d.base ?? '/';
    // Embeds of the page's language; pinned embeds (a frozen release) exist in English only.
    const lang = d.lang ?? '';
    const update = () => {
      let state: Record<string, unknown> = defaults;
      try {
        state = JSON.parse(fig?.dataset.state ?? 'null') ?? defaults;
      } catch {
        /* keep the defaults */
      }
      const release = pin?.checked && d.release ? d.release : null;
      const src = `${location.origin}${embedPath(base, d.chart ?? '', release, lang)}${embedSearch(fields, state, defaults, (theme?.value ?? 'auto') as Theme)}`;
      if (code) code.value = embedSnippet({ src, loader: `${location.origin}${base}embed.js`, title: d.title ?? '', height: Number(d.height) || 600 });
      if (preview) preview.href = src;
      if (copied) copied.textContent = '';
    };
    fig?.addEventListener('chart:render', update);
    pin?.addEventListener('change', update);
    theme?.addEventListener('change', update);
    this.querySelector('details')?.addEventListener('toggle', update);
    code?.addEventListener('focus', () => code.select());
    copy?.addEventListener('click', async () => {
      if (!code) return;
      try {
        await navigator.clipboard.writeText(code.value);
      } catch {
        code.select();
        document.execCommand('copy');
      }
      if (copied) copied.textContent = d.copiedText ?? 'Copied';
    });
    update();
  }
}

if (!customElements.get('embed-button')) customElements.define('embed-button', EmbedButton);
