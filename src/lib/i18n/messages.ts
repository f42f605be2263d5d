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

const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<Locale, Translate>();

/** `t(key, values)` for one language. Unknown keys cannot be written (typed); unknown values throw. */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const hit = translators.get(locale);
  if (hit) return hit;
  const catalog = CATALOGS[locale];
  const t: Translate = (key, values) => {
    const id = `${locale}\u0000${key}`;
    let mf = compiled.get(id);
    if (!mf) {
      const source = catalog[key];
      if (source === undefined) throw new Error(`i18n: no message "${key}" in ${locale}`);
      mf = new IntlMessageFormat(source, INTL_TAG[locale]);
      compiled.set(id, mf);
    }
    return String(mf.format(values));
  };
  translators.set(locale, t);
  return t;
}
