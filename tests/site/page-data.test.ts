/**
 * Small helpers of the content pages: the country × period pivot of the series pages, short line
 * labels, and breakdowns in words. Rows come from the chart fixture (a cut of the published data).
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../charts/fixture-db.ts';
import { pivot } from '../../src/lib/page-data/series-plan.ts';
import { shortLabel } from '../../src/lib/page-data/labels.ts';
import { breakdownText } from '../../src/lib/page-data/breakdown.ts';
import type { ObservationRow } from '../../src/lib/page-data/data.ts';

function observations(): ObservationRow[] {
  const t = readFixture('series-lines').tables.observations;
  return t.rows.map((r) => {
    const o = Object.fromEntries(t.columns.map(([c], i) => [c, r[i]])) as Record<string, unknown>;
    return { ...o, country_name: String(o.country_code), source_publisher: 'p', source_title: 't', source_url: null } as unknown as ObservationRow;
  });
}

describe('pivot', () => {
  const rows = observations().filter((r) => r.series_id === 'jpn_overstayers');
  const p = pivot(rows, '');

  it('has one row per country and one column per period, preferred totals only', () => {
    expect(p.rows.map((r) => r.code)).toEqual(['JPN']);
    const totals = rows.filter((r) => r.is_preferred && !r.sex && !r.age && !r.citizenship_code && !r.status);
    expect(p.periods.length).toBe(new Set(totals.map((r) => r.period)).size);
    for (const c of p.rows[0].cells) if (c) expect(c.is_preferred).toBe(true);
  });

  it('keeps periods in order and counts the rows behind each source', () => {
    expect([...p.periods].sort()).toEqual(p.periods);
    expect(p.sources.reduce((a, s) => a + s.rows, 0)).toBe(p.rows[0].cells.filter(Boolean).length);
  });
});

describe('shortLabel', () => {
  it('uses the hand-written label, else strips the country from the title', () => {
    expect(shortLabel('jpn_overstayers', 'Overstayers in Japan (ISA count)')).toBe('Overstayers (ISA)');
    expect(shortLabel('kor_deportations', 'Foreigners deported from South Korea')).toBe('Foreigners deported');
    expect(shortLabel('x', 'Technical intern trainees reported missing in Japan')).toBe('Technical intern trainees reported missing');
    expect(shortLabel('x', 'A very long title that goes on and on well past forty characters').length).toBeLessThanOrEqual(44);
  });
});

describe('breakdownText', () => {
  it('words sex, age, citizenship and status', () => {
    expect(breakdownText({ sex: 'female', age: 'Y15-64', citizenship_code: 'FOR', status: null })).toBe('Women · aged 15-64 · Foreign citizens');
    expect(breakdownText({ sex: null, age: null, citizenship_code: 'VNM', status: 'technical_intern_training' }, new Map([['VNM', 'Viet Nam']]))).toBe('Viet Nam · technical intern training');
    expect(breakdownText({ sex: null, age: null, citizenship_code: null, status: null })).toBe('');
  });
});
