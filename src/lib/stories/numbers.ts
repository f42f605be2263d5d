/**
 * What counts as a typed number in a story's text. A story cites every figure with the value
 * component (`<V k="…" />`), so the only digits a reader may see outside those are years (four
 * digits, 1900–2099, alone or in a range such as 2005–2006). Ordinal words (first, second…) are
 * not figures. Cardinal number words are figures too ("seven estimators", "two million"): they
 * must be cited or rephrased. Used by the frontmatter schema and by tests/site/stories-numbers.test.ts.
 */

/** Years a story may write as text. */
const YEAR = /^(19|20)\d{2}$/;

/** Cardinal number words that state a quantity (`one` is left out: it is mostly a pronoun). */
export const NUMBER_WORDS = [
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy',
  'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'dozen', 'dozens', 'half',
] as const;

const WORD_RE = new RegExp(`\\b(${NUMBER_WORDS.join('|')})\\b`, 'gi');

/** Figures in `text` that are neither years nor cited: digit runs (with separators) and number words. */
export function strayNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) if (!YEAR.test(m[0])) out.push(m[0]);
  for (const m of text.matchAll(WORD_RE)) out.push(m[0]);
  return out;
}
