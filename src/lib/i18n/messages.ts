/**
 * Message catalogs: one file per language under ./messages/, English being the reference whose
 * keys type every other catalog (a missing key is a type error and a test failure). Messages use
 * ICU syntax (`{count, plural, one {# programme} other {# programmes}}`), formatted by FormatJS's
 * intl-messageformat with the language's Intl rules.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, INTL_TAG, type Locale } from './locales.ts';
import { en, type Messages, type MessageKey } from './messages/en.ts';
import { ja } from './messages/ja.ts';
import { ko } from './messages/ko.ts';
import { es } from './messages/es.ts';
import { it } from './messages/it.ts';

export type { MessageKey, Messages };

export const CATALOGS: Record<Locale, Messages> = { en, ja, ko, es, it };

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** A message cut at its tags: `<sources>Sources</sources>` becomes `{ tag: 'sources', text: 'Sources' }`. */
export type RichPart = string | { tag: string; text: string };
export type TranslateRich = (key: MessageKey, values?: MessageValues) => RichPart[];

const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<Locale, Translate>();

function compile(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let mf = compiled.get(id);
  if (!mf) {
    const source = CATALOGS[locale][key];
    if (source === undefined) throw new Error(`i18n: no message "${key}" in ${locale}`);
    mf = new IntlMessageFormat(source, INTL_TAG[locale]);
    compiled.set(id, mf);
  }
  return mf;
}

/** Tag names used in a message (`<sources>` → `sources`). */
function tagsOf(source: string): string[] {
  return [...source.matchAll(/<([a-z][a-z0-9-]*)>/gi)].map((m) => m[1]);
}

/** `t(key, values)` for one language. Unknown keys cannot be written (typed); unknown values throw. */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const hit = translators.get(locale);
  if (hit) return hit;
  const t: Translate = (key, values) => {
    if (tagsOf(CATALOGS[locale][key] ?? '').length) throw new Error(`i18n: "${key}" has tags; use richTranslator`);
    return String(compile(locale, key).format(values));
  };
  translators.set(locale, t);
  return t;
}

/**
 * For messages with tags, whose tagged text a page wraps in its own element (a link, a code span):
 * the message comes back as parts, so translators can move the link within the sentence.
 */
export function richTranslator(locale: Locale = DEFAULT_LOCALE): TranslateRich {
  return (key, values) => {
    const tags = Object.fromEntries(tagsOf(CATALOGS[locale][key]).map((tag) => [tag, (chunks: unknown[]) => ({ tag, text: chunks.join('') })]));
    // A value named like a tag would be replaced by the tag's function and print its source.
    for (const tag of Object.keys(tags)) if (values && tag in values) throw new Error(`i18n: "${key}" has a tag and a value both named "${tag}"`);
    const out = compile(locale, key).format<{ tag: string; text: string }>({ ...values, ...tags });
    const parts = (Array.isArray(out) ? out : [out]) as (string | { tag: string; text: string })[];
    return parts.filter((p) => p !== '');
  };
}
