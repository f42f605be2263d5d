/**
 * The frontmatter of a story (src/content/stories/<slug>.mdx): what it is about, which charts it
 * places and with which annotations, and which documents it rests on. Shared by the Astro content
 * collection (src/content.config.ts) and by the Node loader (./load.ts) that the embed routes and
 * social images read, so both refuse the same files with the same messages.
 *
 * Numbers never appear as typed text here: a note is pinned to a published value by its key
 * (`at`), and titles, labels and notes may hold years but no other figure (./numbers.ts).
 */
import { z } from 'zod';
import { strayNumbers } from './numbers.ts';
import { VALUE_KEY_RE } from './keys.ts';

/**
 * YAML readers differ on unquoted dates: Astro's turns `2005-02-07` into a Date, ours keeps text.
 * Both become `YYYY-MM-DD` text here (a Date from YAML is midnight UTC). Bare years stay numbers
 * in YAML, so they are turned into text too.
 */
const dateText = (v: unknown) => (v instanceof Date && !Number.isNaN(+v) ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v);

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
const fuzzyDate = z.preprocess(dateText, z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'));
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** Text a reader sees: years are allowed, any other figure must come from the data. */
const words = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      const stray = strayNumbers(s);
      if (stray.length) ctx.addIssue({ code: 'custom', message: `typed figure(s) ${stray.map((n) => `"${n}"`).join(', ')}: cite a published value instead` });
    });

export const noteSchema = z
  .object({
    type: z.literal('note'),
    /** The published value the note points at (`series_id|country|period[|value_kind]`); its date and value place the note. */
    at: z.string().regex(VALUE_KEY_RE, 'a value key series_id|COUNTRY|period[|value_kind]').optional(),
    /** Date of a note not tied to a value (drawn at the top of the frame with a dashed rule). */
    date: fuzzyDate.optional(),
    /** What the reader should notice there. */
    text: words(90),
    /** Side of the point the text sits on (default: toward the middle of the chart). */
    align: z.enum(['left', 'right', 'auto']).optional(),
    /** Vertical offset of the text in pixels, to keep it clear of lines (negative: above). */
    dy: z.number().int().min(-300).max(300).optional(),
  })
  .strict()
  .refine((n) => (n.at ? !n.date : !!n.date), { message: 'a note has either `at` (a published value) or `date` (top of the frame), not both' });

export const windowSchema = z
  .object({
    type: z.literal('window'),
    /** Start and end of the shaded span (e.g. an application period). */
    from: fuzzyDate,
    to: fuzzyDate,
    label: words(60),
  })
  .strict()
  .refine((w) => w.from <= w.to, { message: '`from` must not be after `to`' });

export const highlightSchema = z
  .object({
    type: z.literal('highlight'),
    /** Series id whose line gets a halo. */
    series: slug.or(z.string().regex(/^[a-z0-9_]+$/)),
  })
  .strict();

export const annotationSchema = z.union([noteSchema, windowSchema, highlightSchema]);

export const storyChartSchema = z
  .object({
    /** Id of the figure in the story, unique within it (also part of its embed id). */
    id: slug,
    /** A registered chart (src/charts/<chart>.ts). */
    chart: slug,
    title: words(120),
    subtitle: words(300),
    /** y-axis label (the chart's default otherwise). */
    y_label: words(40).optional(),
    /** The chart state: series, countries, years… validated by the chart's own schema. */
    view: z.record(z.string(), z.unknown()).default({}),
    annotations: z.array(annotationSchema).max(12).default([]),
  })
  .strict();

export const storySchema = z
  .object({
    title: words(120),
    /** One or two sentences for the index and the social card. */
    summary: words(400),
    /** ISO 3166-1 alpha-3 codes of the countries the story is about (its country pages link to it). */
    countries: z.array(z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')).min(1),
    /** Date the story was written or last revised (YYYY-MM-DD). */
    date: z.preprocess(dateText, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')),
    /** Position in the index (ascending). */
    order: z.number().int().min(1),
    /** The charts the story places (`<StoryChart id="…" />`); at least three. */
    charts: z.array(storyChartSchema).min(3),
    /** Documents the story rests on, as ids of the published `sources` table. */
    sources: z.array(z.string().min(1)).min(1),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.charts.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['charts', i, 'id'], message: `chart id "${c.id}" is used twice` });
      seen.add(c.id);
    });
  });

export type StoryFrontmatter = z.infer<typeof storySchema>;
export type StoryChartDef = z.infer<typeof storyChartSchema>;
export type AnnotationDef = z.infer<typeof annotationSchema>;
