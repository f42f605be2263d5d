/**
 * Stories in Chromium: the index lists every story and is linked from the home page; a story at
 * 375 px reads in source order (heading, text, figure, text … sources) with no horizontal scroll;
 * a chart's annotations are drawn in the page's SVG and in the embed of that view; no console
 * errors and nothing leaves the origin. Screenshots go to test-results/screenshots/story-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openPage, startSite, type Site, type Watched } from './harness.ts';
import { DIST } from './pages.ts';
import { storyFiles, storyViewId } from '../../src/lib/stories/load.ts';

const SHOTS = path.resolve('test-results/screenshots');
const stories = storyFiles();
const story = stories.find((s) => s.slug === 'rules-make-irregular-migrants') ?? stories[0];
/** A chart of that story with a note pinned to a value, and the note's text. */
const chart = story.data.charts.find((c) => c.annotations.some((a) => a.type === 'note'))!;
const note = chart.annotations.find((a) => a.type === 'note') as { text: string };
let site: Site;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  site = await startSite(DIST);
});
afterAll(async () => {
  await site?.close();
});

function expectClean(w: Watched) {
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.offOrigin, 'requests that left the origin').toEqual([]);
}

/** Text of the visible chart SVG's annotation notes, lines joined. */
const visibleNotes = (scope: string) => `
  [...document.querySelectorAll('${scope} .chart-svg svg.chart-svg-plot')]
    .filter((s) => s.getBoundingClientRect().width > 0)
    .flatMap((s) => [...s.querySelectorAll('.chart-annotation-note')])
    .map((t) => [...t.childNodes].map((x) => x.textContent).join(' ').replace(/\\s+/g, ' ').trim())`;

describe('stories', () => {
  it('index lists every story, linked from the home page and the nav', async () => {
    const home = await openPage(site, '/');
    expect(await home.page.locator('main a[href$="/stories/"]').count()).toBeGreaterThan(0);
    expect(await home.page.locator('nav[aria-label="Main"] a[href$="/stories/"]').count()).toBe(1);
    await home.context.close();
    const w = await openPage(site, '/stories/');
    const titles = await w.page.locator('.story-card h2 a').allTextContents();
    expect(titles).toEqual(stories.map((s) => s.data.title));
    await w.page.screenshot({ path: path.join(SHOTS, 'story-index.png'), fullPage: true });
    expectClean(w);
    await w.context.close();
  });

  it('a story at 375 px: reading order, no horizontal scroll, annotations drawn, figures linked', async () => {
    const w = await openPage(site, `/stories/${story.slug}/`, { width: 375, height: 800 });
    const { page } = w;
    // No horizontal scroll on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Source order: h1, the first paragraph, then the figures in the order the story places them, then sources.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('article.story h1, .story-body > p, .story-chart figure, .story-sources h2')].map((e) =>
        e.tagName === 'FIGURE' ? `figure:${e.id}` : e.tagName.toLowerCase(),
      ),
    );
    expect(order[0]).toBe('h1');
    expect(order[1]).toBe('p');
    expect(order.at(-1)).toBe('h2');
    expect(order.filter((o) => o.startsWith('figure:'))).toEqual([...story.body.matchAll(/<StoryChart id="([^"]+)"/g)].map((m) => `figure:chart-${m[1]}`));
    // Each figure sits below the previous block on the page (one column, no reordering by CSS).
    const tops = await page.evaluate(() => [...document.querySelectorAll('article.story h1, .story-body > *, .story-sources')].map((e) => e.getBoundingClientRect().top));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    // The note is drawn in the narrow SVG the phone shows, and listed as text under the chart.
    // On a phone the note is numbered at its point and written out under the chart: "1 <text>".
    const drawn = (await page.evaluate(visibleNotes(`#chart-${chart.id}`))) as string[];
    expect(drawn.some((t) => t.endsWith(note.text))).toBe(true);
    expect(await page.locator(`#chart-${chart.id} .chart-svg--narrow .chart-annotation-number`).count()).toBeGreaterThan(0);
    expect(await page.locator(`#chart-${chart.id} .chart-annotations li`).first().textContent()).toContain(note.text);
    // Cited figures link to their source documents.
    const cited = page.locator('.story-body a.cited');
    expect(await cited.count()).toBeGreaterThan(5);
    expect(await cited.first().getAttribute('href')).toMatch(/^https?:\/\//);
    // Each chart has its actions (downloads, Embed).
    expect(await page.locator(`#chart-${chart.id} [data-action="embed"] button, #chart-${chart.id} [data-action="embed"] summary`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'story-375.png'), fullPage: true });
    expectClean(w);
    await w.context.close();
  });

  it("every story: the embed of its first annotated chart draws that chart's notes", async () => {
    for (const s of stories) {
      const c = s.data.charts.find((x) => x.annotations.some((a) => a.type === 'note' && 'at' in a && a.at));
      if (!c) continue;
      const texts = c.annotations.flatMap((a) => (a.type === 'note' ? [a.text] : []));
      const w = await openPage(site, `/embed/${storyViewId(s.slug, c.id)}/`, { width: 640, height: 600 });
      const drawn = (await w.page.evaluate(visibleNotes('body'))) as string[];
      for (const t of texts) expect(drawn.some((d) => d.endsWith(t)), `${s.slug}/${c.id}: ${t}`).toBe(true);
      expectClean(w);
      await w.context.close();
    }
  });

  it('the embed of a story chart draws its annotations', async () => {
    const w = await openPage(site, `/embed/${storyViewId(story.slug, chart.id)}/`, { width: 640, height: 600 });
    const drawn = (await w.page.evaluate(visibleNotes('body'))) as string[];
    expect(drawn.some((t) => t.endsWith(note.text))).toBe(true);
    // The back link leads to the figure in the story.
    expect(await w.page.locator('[data-embed-link]').first().getAttribute('href')).toContain(`/stories/${story.slug}/#chart-${chart.id}`);
    await w.page.screenshot({ path: path.join(SHOTS, 'story-embed.png'), fullPage: true });
    expectClean(w);
    await w.context.close();
  });
});
