import { describe, expect, it } from 'vitest';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { hasUrlState, parseLoose, parseState, writeState, YEAR_MAX } from '../../src/lib/charts/url-state.ts';

const DEFAULTS = parseState(spec, '');

describe('URL state of irregular-residence-comparison', () => {
  it('has a default for every field', () => {
    expect(DEFAULTS).toEqual({
      countries: ['JPN', 'KOR', 'ESP', 'ITA'],
      scale: 'linear',
      mode: 'absolute',
      from: 1990,
      to: YEAR_MAX, // open: the axis ends at the latest published year
      layers: ['reg', 'rules'],
    });
  });

  it('reads a well-formed query string', () => {
    expect(parseState(spec, '?countries=JPN,KOR&scale=log&mode=indexed&from=1995&to=2020&layers=reg')).toEqual({
      countries: ['JPN', 'KOR'],
      scale: 'log',
      mode: 'indexed',
      from: 1995,
      to: 2020,
      layers: ['reg'],
    });
  });

  it.each([
    '?countries=&scale=&mode=&from=&to=',
    '?countries=XXX,<script>&scale=cubic&mode=1&from=abc&to=1e99',
    '?countries=%E2%80%AE&scale=LOG&from=-5&to=99999',
    '?from=1990.5&to=NaN&countries=jpn',
    '?countries[]=JPN&scale[]=log',
    '?%ZZ=1&countries=%',
  ])('falls back to defaults on garbage without throwing: %s', (search) => {
    const s = parseState(spec, search);
    expect(s.countries).toEqual(DEFAULTS.countries);
    expect(s.scale).toBe('linear');
    expect(s.mode).toBe('absolute');
    expect(s.from).toBe(1990);
    expect(s.to).toBe(YEAR_MAX);
  });

  it('keeps the valid members of a list, in canonical order, without duplicates', () => {
    expect(parseState(spec, '?countries=ITA,XXX,JPN,ITA').countries).toEqual(['JPN', 'ITA']);
  });

  it('allows switching every marker layer off, but never every country', () => {
    expect(parseState(spec, '?layers=').layers).toEqual([]);
    expect(parseState(spec, '?countries=').countries).toEqual(DEFAULTS.countries);
  });

  it('swaps a reversed year range instead of rejecting it', () => {
    const s = parseState(spec, '?from=2020&to=1995');
    expect([s.from, s.to]).toEqual([1995, 2020]);
  });

  it('round-trips through writeState and keeps parameters that belong to others', () => {
    const state = { ...DEFAULTS, countries: ['KOR', 'ESP'], scale: 'log', layers: [] };
    const search = writeState(spec, state, '?release=2026.11.23-abc&lang=en');
    expect(search).toContain('release=2026.11.23-abc');
    expect(search).toContain('countries=KOR,ESP');
    expect(search).toMatch(/layers=(&|$)/);
    expect(parseState(spec, search)).toEqual(state);
  });

  it('keeps charts apart with a prefix', () => {
    const search = writeState(spec, { ...DEFAULTS, scale: 'log' }, '', 'c2.');
    expect(search).toContain('c2.scale=log');
    expect(parseState(spec, search, 'c2.').scale).toBe('log');
    expect(parseState(spec, search).scale).toBe('linear');
    expect(hasUrlState(spec, search)).toBe(false);
    expect(hasUrlState(spec, search, 'c2.')).toBe(true);
  });

  it('accepts loose values from a form or page props', () => {
    expect(parseLoose(spec, { countries: ['KOR'], from: '2001', to: 2010 })).toMatchObject({ countries: ['KOR'], from: 2001, to: 2010 });
    expect(parseLoose(spec, { countries: 'JPN,ITA' }).countries).toEqual(['JPN', 'ITA']);
  });
});
