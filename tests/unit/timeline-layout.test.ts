/**
 * Geometry of the regularization and rule-change timelines (src/lib/ui/timeline-layout.ts).
 */
import { describe, expect, it } from 'vitest';
import { layoutRegularizations, layoutRuleChanges, legendSizes, yearOf, type RegEvent } from '../../src/lib/ui/timeline-layout.ts';

const ev = (e: Partial<RegEvent> & Pick<RegEvent, 'id' | 'country_code'>): RegEvent => ({
  country_name: e.country_code,
  name_en: e.id,
  kind: 'one_off',
  start_date: null,
  end_date: null,
  year: null,
  applications: null,
  approvals: null,
  ...e,
});

// Copied from public/data/regularizations.csv (ids shortened): Spain's 2005 normalisation, Italy's
// 2020 emersione (applications only), Argentina 2004 (no figures), Korea's 2003 legalization, a
// Korean voluntary-departure campaign, and Spain's arraigo (a standing mechanism, not drawn).
const EVENTS: RegEvent[] = [
  ev({ id: 'esp-2005', country_code: 'ESP', kind: 'worker_legalization', start_date: '2005-02-07', end_date: '2005-05-06', applications: 691059, approvals: 577923 }),
  ev({ id: 'ita-2020', country_code: 'ITA', kind: 'worker_legalization', start_date: '2020-06-01', end_date: '2020-08-15', applications: 207542 }),
  ev({ id: 'arg-2004', country_code: 'ARG', start_date: '2004-09-06' }),
  ev({ id: 'kor-2003', country_code: 'KOR', kind: 'worker_legalization', start_date: '2003-09', end_date: '2003-11', approvals: 184199 }),
  ev({ id: 'kor-2023-departure', country_code: 'KOR', kind: 'voluntary_departure_amnesty', start_date: '2023-09-11', end_date: '2024-02-29' }),
  ev({ id: 'esp-arraigo', country_code: 'ESP', kind: 'standing_mechanism', start_date: '2011-06-30', end_date: '2025-05-19' }),
];

describe('yearOf', () => {
  it('reads fuzzy dates without time zones', () => {
    expect(yearOf('2005')).toBe(2005);
    expect(yearOf('2005-07')).toBeCloseTo(2005.5, 5);
    expect(yearOf('2005-01-01')).toBe(2005);
    expect(Number.isNaN(yearOf('n/a'))).toBe(true);
  });
});

describe('layoutRegularizations', () => {
  const wide = layoutRegularizations(EVENTS, 992, { order: ['KOR', 'ESP', 'ITA'] });
  const marks = new Map(wide.rows.flatMap((r) => r.marks.map((m) => [m.id, m])));

  it('puts core countries first, then the rest by name, one row each', () => {
    expect(wide.rows.map((r) => r.code)).toEqual(['KOR', 'ESP', 'ITA', 'ARG']);
  });

  it('never draws standing mechanisms', () => {
    expect(marks.has('esp-arraigo')).toBe(false);
  });

  it('sizes by approvals, falls back to hollow applications, and marks unknowns', () => {
    expect(marks.get('esp-2005')!.basis).toBe('approvals');
    expect(marks.get('ita-2020')!.basis).toBe('applications');
    expect(marks.get('arg-2004')!.basis).toBe('none');
    expect(marks.get('kor-2023-departure')!.basis).toBe('departure');
    // Area proportional to the value: r² ratio equals the value ratio (within rounding).
    const a = marks.get('esp-2005')!.r ** 2 / marks.get('kor-2003')!.r ** 2;
    expect(a).toBeCloseTo(577923 / 184199, 1);
  });

  it('draws the application window when both ends are known', () => {
    const m = marks.get('esp-2005')!;
    expect(m.span).not.toBeNull();
    expect(m.span!.x2).toBeGreaterThan(m.span!.x1);
    expect(marks.get('arg-2004')!.span).toBeNull();
    expect(marks.get('kor-2003')!.span).not.toBeNull();
  });

  it('keeps every mark inside the drawing at phone width', () => {
    const narrow = layoutRegularizations(EVENTS, 343);
    for (const r of narrow.rows) for (const m of r.marks) {
      expect(m.x).toBeGreaterThanOrEqual(narrow.frame.x0);
      expect(m.x).toBeLessThanOrEqual(narrow.frame.x1);
    }
    expect(narrow.frame.narrow).toBe(true);
    expect(narrow.rows[0].labelX).toBe(narrow.frame.x0);
  });

  it('keys the same round sizes on every timeline (one circle scale site-wide)', () => {
    expect(legendSizes()).toEqual([100000, 500000, 1000000]);
  });

  it('matches its snapshot', () => {
    expect(wide.rows.map((r) => ({ code: r.code, y: r.y, marks: r.marks.map((m) => [m.id, m.x, m.r, m.basis]) }))).toMatchSnapshot();
  });
});

describe('layoutRuleChanges', () => {
  it('puts each direction in its own lane', () => {
    // Rows of public/data/rule_changes.csv (titles shortened).
    const l = layoutRuleChanges(
      [
        { id: 'jpn-1981-refugee-accession-icrra', country_code: 'JPN', country_name: 'Japan', date: '1981-06-05', direction: null, category: 'asylum', title_en: 'Law No. 86 of 1981', date_kind: 'enacted' },
        { id: 'jpn-1990-icrra', country_code: 'JPN', country_name: 'Japan', date: '1990-06', direction: 'mixed', category: 'entry_and_stay', title_en: 'Revision of the ICRRA', date_kind: 'in_force' },
        { id: 'jpn-2000-illegal-stay-offence', country_code: 'JPN', country_name: 'Japan', date: '2000-02-18', direction: 'restrictive', category: 'enforcement', title_en: 'Offence of illegal stay', date_kind: 'in_force' },
        { id: 'jpn-2005-refugee-reform', country_code: 'JPN', country_name: 'Japan', date: '2005-05-16', direction: 'liberalizing', category: 'asylum', title_en: 'Refugee recognition reform', date_kind: 'in_force' },
      ],
      992,
    );
    const [row] = l.rows;
    const y = Object.fromEntries(row.marks.map((m) => [m.id, m.y]));
    // Lanes top to bottom: restrictive, mixed, liberalizing, not coded.
    expect(y['jpn-2000-illegal-stay-offence']).toBeLessThan(y['jpn-1990-icrra']);
    expect(y['jpn-1990-icrra']).toBeLessThan(y['jpn-2005-refugee-reform']);
    expect(y['jpn-2005-refugee-reform']).toBeLessThan(y['jpn-1981-refugee-accession-icrra']);
    expect(row.marks.find((m) => m.id === 'jpn-1981-refugee-accession-icrra')!.direction).toBe('none');
    expect(l.frame.firstYear).toBe(1980);
  });
});
