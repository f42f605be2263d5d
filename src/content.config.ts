/**
 * Content collections. `stories`: the explainers under /stories/, one MDX file each, frontmatter
 * checked by the same schema the Node loader uses (src/lib/stories/schema.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storySchema } from './lib/stories/schema.ts';

const stories = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/stories' }),
  schema: storySchema,
});

export const collections = { stories };
