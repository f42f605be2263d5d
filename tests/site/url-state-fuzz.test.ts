/**
 * Fuzzes the URL-state parser of every chart spec (src/charts/*.ts) with seeded valid and
 * hostile query strings (./url-cases.ts). Whatever the URL holds, parsing must not throw, must
 * return only values the chart's controls offer, must fall back to the default for anything
 * missing, and must survive a write/read round trip. The browser slice is tests/e2e/url-fuzz.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS, loadSpec } from '../../src/lib/charts/registry.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { hasUrlState, parseLoose, parseState, rawStateFromSearch, writeState } from '../../src/lib/charts/url-state.ts';
import { SAFE_ID, allowedOf, urlCases, type Allowed } from './url-cases.ts';

const CASES_PER_SPEC = 1_200;
const SEED = 20261123;
const specs = await Promise.all(Object.keys(CHARTS).map(loadSpec));
/** Charts whose state a reader can change through the URL; the others are fixed at build time. */
const interactive = specs.filter((s) => s.url.length > 0);
const fixed = specs.filter((s) => s.url.length === 0);
const ids = interactive.map((s) => s.id);

/** Throws with a readable message when a state holds anything its controls do not offer. */
function checkState(spec: ChartSpec, allowed: Allowed, state: Record<string, unknown>, defaults: Record<string, unknown>) {
  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  expect(Object.keys(state).sort()).toEqual(Object.keys(defaults).sort());
  for (const [key, members] of allowed.lists) {
    const v = state[key];
    expect(Array.isArray(v), `${key} is a list`).toBe(true);
    const list = v as unknown[];
    expect(new Set(list).size, `${key} has no repeats`).toBe(list.length);
    if (allowed.open.has(key)) {
      // members fixed by the page, not the spec: whatever survives must be a harmless id
      for (const m of list) expect(m, `${key} member`).toMatch(SAFE_ID);
      expect(list.length).toBeLessThanOrEqual(100);
    } else {
      for (const m of list) expect(members, `${key} member ${JSON.stringify(m)}`).toContain(m);
      // canonical order: equal states give equal links
      expect(list).toEqual(members.filter((m) => list.includes(m)));
    }
    if ((defaults[key] as unknown[]).length > 0 && list.length === 0) {
      // empty is allowed only when the spec says so (e.g. every marker layer off)
      expect(spec.state.safeParse({ [key]: [] }).data?.[key as never]).toEqual([]);
    }
  }
  for (const [key, values] of allowed.enums) expect(values, `${key}=${JSON.stringify(state[key])}`).toContain(state[key]);
  for (const [key, [min, max]] of allowed.ranges) {
    const v = state[key] as number;
    expect(Number.isInteger(v), `${key}=${v} is an integer`).toBe(true);
    expect(v).toBeGreaterThanOrEqual(min);
    expect(v).toBeLessThanOrEqual(max);
  }
  if ('from' in state && 'to' in state) expect(state.from as number).toBeLessThanOrEqual(state.to as number);
}

describe.each(ids)('URL state fuzz: %s', (id) => {
  it(`parses ${CASES_PER_SPEC} seeded valid and hostile query strings safely`, async () => {
    const spec = await loadSpec(id);
    const allowed = allowedOf(spec);
    const defaults = parseState(spec, '') as Record<string, unknown>;
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const cases = urlCases(spec, CASES_PER_SPEC, SEED);
    let valid = 0;
    let slowest = 0;
    for (const c of cases) {
      const t0 = performance.now();
      let state: Record<string, unknown>;
      try {
        state = parseState(spec, c.search) as Record<string, unknown>;
        // the other entry points see the same text
        expect(parseState(spec, new URLSearchParams(c.search))).toEqual(state);
        rawStateFromSearch(spec, c.search);
        hasUrlState(spec, c.search);
      } catch (err) {
        throw new Error(`parseState threw on ${JSON.stringify(c.search.slice(0, 300))}: ${err}`);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      try {
        checkState(spec, allowed, state, defaults);
        // a field whose parameter is absent keeps its default (from/to may only swap with each other)
        const params = new URLSearchParams(c.search);
        for (const f of spec.url) {
          if (params.has(f.param)) continue;
          if (allowed.ranges.has(f.key) && spec.url.some((g) => allowed.ranges.has(g.key) && g !== f && params.has(g.param))) continue;
          expect(state[f.key], `${f.key} without a parameter`).toEqual(defaults[f.key]);
        }
        // parsing is idempotent and survives the site's own write/read round trip
        expect(parseLoose(spec, state)).toEqual(state);
        expect(parseState(spec, writeState(spec, state, c.search))).toEqual(state);
        if (c.kind === 'valid') {
          valid++;
          expect(state).toEqual(c.intended);
        }
      } catch (err) {
        throw new Error(`query ${JSON.stringify(c.search.slice(0, 300))} gave ${JSON.stringify(state).slice(0, 300)}: ${err}`);
      }
    }
    expect(cases.length).toBeGreaterThanOrEqual(1_000);
    expect(valid).toBeGreaterThan(100);
    // No regular-expression blow-up on 10 KB values: catastrophic backtracking takes minutes, so
    // the bound is loose enough never to measure the machine's load (speed is for the bench).
    expect(slowest).toBeLessThan(5_000);
    // nothing leaked onto Object.prototype from `__proto__` / `constructor` keys
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).__xss).toBeUndefined();
  });

  it('keeps hostile text out of the query string it writes', async () => {
    const spec = await loadSpec(id);
    const allowed = allowedOf(spec);
    for (const c of urlCases(spec, 300, SEED + 1)) {
      const written = writeState(spec, parseState(spec, c.search) as Record<string, unknown>, '');
      // only this chart's parameters with allowed values; nothing else from the input survives
      const params = new URLSearchParams(written);
      expect([...params.keys()].sort()).toEqual(spec.url.map((f) => f.param).sort());
      for (const f of spec.url) {
        const v = params.get(f.param)!;
        const ok = allowed.lists.get(f.key) ?? allowed.enums.get(f.key);
        if (allowed.open.has(f.key)) for (const m of v.split(',').filter(Boolean)) expect(m).toMatch(SAFE_ID);
        else if (ok) for (const m of v.split(',').filter(Boolean)) expect(ok).toContain(m);
        else {
          const [min, max] = allowed.ranges.get(f.key)!;
          expect(v).toMatch(/^\d+$/);
          expect(Number(v)).toBeGreaterThanOrEqual(min);
          expect(Number(v)).toBeLessThanOrEqual(max);
        }
      }
    }
  });
});

describe('URL state fuzz: coverage', () => {
  it('runs at least 1,000 cases in total over the interactive chart specs', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length * CASES_PER_SPEC).toBeGreaterThanOrEqual(1_000);
  });

  it.each(fixed.map((s) => [s.id, s] as const))('%s takes nothing from the URL', (_, spec) => {
    expect(spec.controls).toEqual([]);
    const defaults = parseState(spec, '');
    for (const c of urlCases(interactive[0], 200, SEED + 2)) {
      expect(hasUrlState(spec, c.search)).toBe(false);
      expect(parseState(spec, c.search)).toEqual(defaults);
    }
  });
});
