/**
 * The kind registry: `spec.kind` → drawing recipe. Adding a kind is additive: write
 * `kinds/<name>.ts` exporting a `ChartKind` (./kind.ts) and add one line below. Nothing else in the
 * chart system switches on the kind (build renderer, browser redraw, key, summary, snapshot tests
 * all go through ../draw.ts).
 *
 * An explicit list rather than `import.meta.glob`: plain Node scripts (tsx) render charts too and
 * have no glob.
 */
import type { ChartKind } from './kind.ts';
import { timeComparison } from './time-comparison.ts';
import { eventTimeline } from './event-timeline.ts';
import { competingEstimates } from './competing-estimates.ts';
import { choropleth } from './choropleth.ts';
import { smallMultiples } from './small-multiples.ts';
import { worldBubbles } from './world-bubbles.ts';

export const KINDS: Record<string, ChartKind> = {
  'time-comparison': timeComparison,
  'event-timeline': eventTimeline,
  'competing-estimates': competingEstimates,
  choropleth,
  'small-multiples': smallMultiples,
  'world-bubbles': worldBubbles,
};

export function kindOf(spec: { id: string; kind: string }): ChartKind {
  const k = Object.hasOwn(KINDS, spec.kind) ? KINDS[spec.kind] : undefined;
  if (!k) throw new Error(`chart "${spec.id}": unknown kind "${spec.kind}" (known: ${Object.keys(KINDS).join(', ')})`);
  return k;
}
