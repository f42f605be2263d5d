/**
 * Every figure in a rendered story is a published value. Reads each built story page
 * (dist/stories/<slug>/index.html): every cited value (`<data data-key value>`, written by
 * components/stories/V.astro) must equal the value its key has in the published data, printed the
 * way the story prints it; with the cited values taken out, the story's text (title, summary,
 * prose, headings) may hold no other figure than years (src/lib/stories/numbers.ts). The charts
 * are left out of the text check: their numbers come from the data by construction, and have
 * their own tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { storyFiles } from '../../src/lib/stories/load.ts';
import { lookupValue } from '../../src/lib/stories/values.ts';
import { strayNumbers } from '../../src/lib/stories/numbers.ts';

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
const built = existsSync(path.join(DIST, 'stories/index.html'));

describe.skipIf(!built)('figures in the rendered stories (skipped: no dist/stories; run npm run build)', () => {
  for (const story of storyFiles()) {
    it(`${story.slug}: every figure is a published value`, async () => {
      const html = readFileSync(path.join(DIST, 'stories', story.slug, 'index.html'), 'utf8');
      const { document } = parseHTML(html);
      const article = document.querySelector('article.story');
      expect(article, 'story article').toBeTruthy();
      const cited = [...article!.querySelectorAll('.story-body data[data-key], .story-head data[data-key]')];
      const bodyKeys = [...story.body.matchAll(/<V k="([^"]+)"/g)].map((m) => m[1]);
      expect(cited.map((d) => d.getAttribute('data-key'))).toEqual(bodyKeys);
      for (const d of cited) {
        const key = d.getAttribute('data-key')!;
        const v = await lookupValue(key);
        expect(Number(d.getAttribute('value')), key).toBe(v.value);
        expect(d.textContent, key).toBe(v.text);
        // Linked to the document it comes from.
        if (v.sourceUrl) expect(d.closest('a')?.getAttribute('href'), key).toBe(v.sourceUrl);
      }
      // The text a reader sees, figures cited through <V> and the charts taken out.
      for (const d of cited) d.remove();
      for (const f of [...article!.querySelectorAll('.story-chart, figure, .story-sources, .breadcrumb, time')]) f.remove();
      const text = article!.textContent!.replace(/\s+/g, ' ');
      expect(text.length).toBeGreaterThan(1000);
      expect(strayNumbers(text), `${story.file}: figures typed by hand`).toEqual([]);
    });
  }
});
