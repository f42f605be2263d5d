/**
 * Seeded query strings for the URL-state fuzz tests: valid states written the way the site writes
 * them, and hostile ones (script injection, prototype keys, huge and negative numbers, repeated
 * keys, unicode, 10 KB values, broken percent-encoding). The same seed gives the same cases, so a
 * failure can be replayed; the Node test runs them all, the browser test a slice.
 */
import type { ChartSpec } from '../../src/lib/charts/spec.ts';

/** mulberry32: small, fast, good enough to pick cases. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

/** Payloads that would run if any code put URL text into HTML, a URL or eval. */
export const SCRIPT_PAYLOADS = [
  '<script>alert(1)</script>',
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=alert(1)>',
  '"><img src=x onerror=window.__xss=1>',
  "'><svg onload=window.__xss=1>",
  '</chart-figure><script>window.__xss=1</script>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  'javascript:alert(1)',
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '" autofocus onfocus="window.__xss=1',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  "'; DROP TABLE observations; --",
  "JPN'); SELECT * FROM sources; --",
  'JPN" OR 1=1 --',
  '$countries',
] as const;

export const PROTO_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

const WEIRD = [
  '',
  ' ',
  ',',
  ',,,',
  '%',
  '%ZZ',
  '%00',
  '%E2%80%AE',
  '%C0%AF',
  '%F0%9F%92%A9',
  '\u0000',
  '\u202e',
  '\ud800',
  '日本',
  '한국',
  'Ｊ Ｐ Ｎ',
  'ＪＰＮ',
  '💥',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '[]',
  '{}',
  '[object Object]',
  '../../etc/passwd',
  '\\',
  '+',
  '&',
  '=',
  '#',
  '?',
] as const;

const NUMBERS = [
  '0',
  '-0',
  '-1',
  '-1990',
  '-2020',
  '1e309',
  '-1e309',
  '1e3',
  '2e3',
  '9007199254740993',
  '99999999999999999999999',
  '0x7C6',
  '0b11111000110',
  '1990.5',
  '2000.0000000001',
  ' 2000 ',
  '2000abc',
  '１９９５',
  '2020-01-01',
  '1/0',
] as const;

/**
 * What a spec's URL parameters may hold, read from its controls. A checkbox group whose options
 * the spec leaves empty is filled by its page at build time (explore: every published series):
 * it is an "open" list, and any member that survives parsing must at least be a safe id.
 */
export interface Allowed {
  /** list params: allowed members in canonical order (closed lists) or a pool of good ids (open lists). */
  lists: Map<string, string[]>;
  /** list params whose members are not fixed by the spec. */
  open: Set<string>;
  /** enum params. */
  enums: Map<string, string[]>;
  /** integer params with their range. */
  ranges: Map<string, [number, number]>;
}

/** What an id from the URL may look like once parsed: no markup, quotes, spaces or SQL (length is not checked). */
// Open id lists (explore) accept plain ids of at most 64 characters: nothing longer reaches the SQL.
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Ids that exist in the published tables, used as valid members of open lists in Node. */
const PLAUSIBLE = ['jpn_overstayers', 'kor_illegal_stay', 'ita_irregular_estimate_ismu', 'eurostat_migr_eipre', 'JPN', 'KOR', 'ESP', 'ITA', 'DEU', 'EU27_2020'];

export function allowedOf(spec: ChartSpec, pageOptions: Record<string, string[]> = {}): Allowed {
  const a: Allowed = { lists: new Map(), open: new Set(), enums: new Map(), ranges: new Map() };
  for (const c of spec.controls) {
    if (c.kind === 'checkboxes') {
      if (c.options.length) a.lists.set(c.key, c.options.map((o) => o.value));
      else {
        a.open.add(c.key);
        const accepted = (v: string) => {
          const r = spec.state.safeParse({ [c.key]: [v] });
          return r.success && JSON.stringify((r.data as Record<string, unknown>)[c.key]) === JSON.stringify([v]);
        };
        a.lists.set(c.key, pageOptions[c.key] ?? PLAUSIBLE.filter(accepted));
      }
    } else if (c.kind === 'year-range') {
      a.ranges.set(c.fromKey, [c.min, c.max]);
      a.ranges.set(c.toKey, [c.min, c.max]);
    } else a.enums.set(c.key, c.options.map((o) => o.value));
  }
  for (const f of spec.url) {
    if (!a.lists.has(f.key) && !a.enums.has(f.key) && !a.ranges.has(f.key)) throw new Error(`${spec.id}: URL field ${f.key} has no control to say what it may hold`);
  }
  return a;
}

export interface UrlCase {
  /** The query string, with its leading `?`. */
  search: string;
  /** `valid`: every parameter well-formed; the parse must return exactly `intended`. */
  kind: 'valid' | 'hostile';
  intended?: Record<string, unknown>;
}

function hostileValue(r: Rng, key: string, allowed: Allowed): string {
  const list = allowed.lists.get(key);
  const en = allowed.enums.get(key);
  const roll = r.int(0, 11);
  const good = () => (list?.length ? r.pick(list) : en ? r.pick(en) : list ? 'JPN' : String(r.int(...(allowed.ranges.get(key) ?? [0, 1]))));
  switch (roll) {
    case 0:
    case 1:
      return r.pick(SCRIPT_PAYLOADS);
    case 2:
      return r.pick(PROTO_WORDS);
    case 3:
      return r.pick(WEIRD);
    case 4:
      return r.pick(NUMBERS);
    case 5: // 10 KB: one long token, or a long list of valid members
      return r.chance(0.5) ? r.pick(['A', '<', '9', 'é', ',']).repeat(10_240) : Array.from({ length: 2_000 }, good).join(',');
    case 6: // a valid member hidden among junk
      return [r.pick(SCRIPT_PAYLOADS), good(), r.pick(WEIRD), good()].join(',');
    case 7: // random years, far outside and just outside the range
      return String(r.pick([r.int(-1e6, 1e6), r.int(1000, 3000), r.int(-3000, -1), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]));
    case 8: // case and whitespace variants of a valid value
      return r.pick([(s: string) => s.toLowerCase(), (s: string) => ` ${s} `, (s: string) => `${s}\t`, (s: string) => s + s])(good());
    case 9: // random unicode
      return Array.from({ length: r.int(1, 40) }, () => String.fromCodePoint(r.pick([r.int(0, 0x7f), r.int(0x80, 0xffff), r.int(0x10000, 0x10ffff)]))).join('').replace(/[\ud800-\udfff]/g, '?');
    case 10:
      return good();
    default:
      return r.pick(PROTO_WORDS) + r.pick(SCRIPT_PAYLOADS);
  }
}

function encodeMaybe(r: Rng, s: string): string {
  const how = r.int(0, 3);
  if (how === 0) return s; // raw: `&`, `=`, `#` and `%` change how the string splits, on purpose
  if (how === 1) return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'));
  if (how === 2) return s.replace(/[<>"' ]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return encodeURIComponent(encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'))); // double-encoded
}

/** A valid state, written as the site writes it (writeState's format). */
function validCase(r: Rng, spec: ChartSpec, allowed: Allowed, prefix: string): UrlCase {
  const intended: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const f of spec.url) {
    const list = allowed.lists.get(f.key);
    const en = allowed.enums.get(f.key);
    const range = allowed.ranges.get(f.key);
    let v: unknown;
    if (list) {
      // never empty: whether a list may be empty is the spec's business, tested separately;
      // open lists keep the order given (a reader's order of series), closed ones are canonical
      const max = allowed.open.has(f.key) ? 3 : list.length;
      let chosen = (allowed.open.has(f.key) ? [...list].sort(() => r.next() - 0.5) : list).filter(() => r.chance(0.5)).slice(0, max);
      if (!chosen.length && list.length) chosen = [r.pick(list)];
      v = chosen;
    } else if (en) v = r.pick(en);
    else if (range) v = r.int(range[0], range[1]);
    intended[f.key] = v;
    parts.push(`${encodeURIComponent(prefix + f.param)}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  }
  // from/to are swapped, not rejected
  if (typeof intended.from === 'number' && typeof intended.to === 'number' && intended.from > intended.to) {
    [intended.from, intended.to] = [intended.to, intended.from];
  }
  return { search: '?' + parts.join('&'), kind: 'valid', intended };
}

function hostileCase(r: Rng, spec: ChartSpec, allowed: Allowed, prefix: string): UrlCase {
  const parts: string[] = [];
  const n = r.int(1, 9);
  for (let i = 0; i < n; i++) {
    const f = r.pick(spec.url);
    const keyRoll = r.int(0, 9);
    let key: string;
    if (keyRoll < 6) key = prefix + f.param;
    else if (keyRoll === 6) key = r.pick(PROTO_WORDS);
    else if (keyRoll === 7) key = r.pick([`${f.param}[]`, `${f.param}[0]`, `__proto__[${f.param}]`, `constructor[prototype][${f.param}]`, `x.${f.param}`, f.param.toUpperCase()]);
    else if (keyRoll === 8) key = r.pick(SCRIPT_PAYLOADS);
    else key = r.pick(WEIRD);
    const value = hostileValue(r, f.key, allowed);
    parts.push(`${encodeMaybe(r, key)}=${encodeMaybe(r, value)}`);
    // repeated keys: URLSearchParams.get takes the first; the rest must not matter
    if (r.chance(0.15)) parts.push(`${encodeMaybe(r, key)}=${encodeMaybe(r, hostileValue(r, f.key, allowed))}`);
  }
  if (r.chance(0.1)) parts.push(r.pick(['', '&', '&&', '=', '==', '%', '?', '#frag']));
  return { search: (r.chance(0.9) ? '?' : '') + parts.join(r.chance(0.9) ? '&' : r.pick([';', '&amp;', '&&'])), kind: 'hostile' };
}

/** `count` cases for a spec: one in five valid, the rest hostile. */
export function urlCases(spec: ChartSpec, count: number, seed: number, prefix = '', pageOptions: Record<string, string[]> = {}): UrlCase[] {
  const r = rng(seed);
  const allowed = allowedOf(spec, pageOptions);
  const out: UrlCase[] = [];
  // Every fixed payload at least once, on every parameter, so the slice is never all luck.
  for (const f of spec.url) {
    for (const p of [...SCRIPT_PAYLOADS, ...PROTO_WORDS]) {
      if (out.length >= count / 2) break;
      out.push({ search: `?${prefix}${f.param}=${encodeURIComponent(p)}`, kind: 'hostile' });
    }
  }
  while (out.length < count) out.push(r.chance(0.2) ? validCase(r, spec, allowed, prefix) : hostileCase(r, spec, allowed, prefix));
  return out;
}
