/**
 * Stories as the build reads them outside Astro's content layer: the frontmatter of every
 * src/content/stories/*.mdx, validated with the collection's schema (./schema.ts), and each story
 * chart as a chart view (lib/page-data/views.ts): the registered chart, the story's words and
 * state, and its annotations with every note's date and value looked up in the published data.
 * The embed routes, social images and oEmbed entries of story charts come from here.
 *
 * Node-only (reads files; looks values up with @duckdb/node-api).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ChartSpec } from '../charts/spec.ts';
import type { Annotation } from '../charts/annotate.ts';
import { loadSpec } from '../charts/registry.ts';
import { parseLoose } from '../charts/url-state.ts';
import { specView } from '../page-data/spec-view.ts';
import { page } from '../page-data/paths.ts';
import { storySchema, type StoryChartDef, type StoryFrontmatter } from './schema.ts';
import { lookupValue } from './values.ts';

export const STORIES_DIR = path.join(process.cwd(), 'src', 'content', 'stories');

export interface StoryFile {
  slug: string;
  file: string;
  data: StoryFrontmatter;
  /** The MDX body (after the frontmatter). */
  body: string;
}

/** Site-relative path of a story (no leading slash). */
export const storyPath = (slug: string) => `stories/${slug}/`;
/** Embed id of a story chart. */
export const storyViewId = (slug: string, chartId: string) => `story-${slug}-${chartId}`;

/** Frontmatter and body of one file; throws `file: field: reason` on bad input. */
export function parseStory(file: string, text: string): StoryFile {
  const rel = path.relative(process.cwd(), file);
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${rel}:1: a story starts with YAML frontmatter between --- lines`);
  let raw: unknown;
  try {
    raw = parseYaml(m[1]);
  } catch (e) {
    throw new Error(`${rel}: frontmatter is not valid YAML: ${(e as Error).message}`);
  }
  const parsed = storySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('; ');
    throw new Error(`${rel}: ${issues}`);
  }
  return { slug: path.basename(file).replace(/\.mdx?$/, ''), file: rel, data: parsed.data, body: m[2] };
}

let memo: StoryFile[] | null = null;

/** Every story, in index order. */
export function storyFiles(dir = STORIES_DIR): StoryFile[] {
  if (dir === STORIES_DIR && memo) return memo;
  const out = readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => parseStory(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')))
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug));
  if (dir === STORIES_DIR) memo = out;
  return out;
}

/** Annotations ready to draw: notes carry the date and value (in the chart's unit) of the value they cite. */
export async function resolveAnnotations(chart: StoryChartDef): Promise<Annotation[]> {
  const out: Annotation[] = [];
  for (const a of chart.annotations) {
    if (a.type === 'note') {
      if (a.at) {
        const v = await lookupValue(a.at);
        // The line charts draw people in people: thousands are converted (lib/domain/rules.ts personsSql).
        const value = v.unit === 'thousand_persons' ? v.value * 1000 : v.value;
        out.push({ type: 'note', date: v.date, value, text: a.text, align: a.align, dy: a.dy });
      } else {
        out.push({ type: 'note', date: a.date!, value: null, text: a.text, align: a.align, dy: a.dy });
      }
    } else out.push(a);
  }
  return out;
}

export interface StoryChartView {
  id: string;
  spec: ChartSpec;
  state: Record<string, unknown>;
  figureId: string;
  href: string;
}

/** A story chart as a chart view; throws when it names an unknown chart. */
export async function storyChartView(story: StoryFile, chart: StoryChartDef): Promise<StoryChartView> {
  let registered: ChartSpec;
  try {
    registered = await loadSpec(chart.chart);
  } catch {
    throw new Error(`${story.file}: charts.${chart.id}: unknown chart "${chart.chart}" (no src/charts/${chart.chart}.ts)`);
  }
  const state = parseLoose(registered, chart.view) as Record<string, unknown>;
  // Chart states fall back to defaults field by field; a story must say what it means, so a field
  // the chart did not take as written is an error, not a silent default.
  for (const [k, v] of Object.entries(chart.view)) {
    if (!Object.hasOwn(state, k)) throw new Error(`${story.file}: charts.${chart.id}.view.${k}: chart "${chart.chart}" has no such field`);
    if (JSON.stringify(state[k]) !== JSON.stringify(v)) throw new Error(`${story.file}: charts.${chart.id}.view.${k}: chart "${chart.chart}" does not accept ${JSON.stringify(v)}`);
  }
  const spec = { ...specView(registered, { title: chart.title, subtitle: chart.subtitle, yLabel: chart.y_label }, state), annotations: await resolveAnnotations(chart) };
  const figureId = `chart-${chart.id}`;
  return { id: storyViewId(story.slug, chart.id), spec, state, figureId, href: `${page(storyPath(story.slug))}#${figureId}` };
}

/** Every chart of every story, as views (embed routes, social images). */
export async function storyViews(): Promise<StoryChartView[]> {
  const out: StoryChartView[] = [];
  for (const s of storyFiles()) for (const c of s.data.charts) out.push(await storyChartView(s, c));
  return out;
}
