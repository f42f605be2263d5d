import { describe, expect, it } from 'vitest';
import { eurostatMigrEipre } from '../../scripts/sources/eurostat-migr-eipre.ts';
import { Observation } from '../../src/lib/schema.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-migr-eipre', async () => {
  const rows = await eurostatMigrEipre.load({ rawDir: FIXTURE_RAW });
  const find = (country: string, period: string, status: string | null = null) =>
    rows.filter((r) => r.country_code === country && r.period === period && r.status === status);

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-migr-eipre.json');
  });

  it('produces rows the schema accepts', () => {
    for (const { origin: _o, ...r } of rows) Observation.parse({ ...r, period_start: '2000-01-01', period_end: '2000-12-31', period_type: 'flow' });
  });

  it('prefers the 2026 API vintage and keeps the 2025 export with a note', () => {
    const eu2019 = find('EU27_2020', '2019');
    expect(eu2019.map((r) => [r.value, r.is_preferred])).toEqual([
      [628735, true],
      [627900, false],
    ]);
    expect(eu2019[1]!.note).toBe('earlier vintage (data-browser export 2025); revised to 628735 in the API extract updated 2026-05-12');
    // the inland breakdown of NL 2022 was revised too
    expect(find('NLD', '2022', 'apprehen_inl').map((r) => [r.value, r.is_preferred])).toEqual([
      [5440, true],
      [5470, false],
    ]);
  });

  it('does not repeat a value both vintages agree on (the pipeline rejects same key, source and value)', () => {
    expect(find('ESP', '2019').map((r) => [r.value, r.is_preferred, r.note, r.origin.file.split('/').pop()])).toEqual([
      [62865, true, null, 'eurostat_migr_eipre.json'],
    ]);
  });

  it('emits same-vintage duplicates once (full extract and re-verification file)', () => {
    // ES 2022 is in the full extract, the re-verification file and the 2025 CSV, all 68,100
    expect(find('ESP', '2022').map((r) => r.origin.file.split('/').pop())).toEqual(['eurostat_migr_eipre.json']);
  });

  it('prefers 2023 values that only the 2025 export has, and says so', () => {
    const es2023 = find('ESP', '2023');
    expect(es2023).toHaveLength(1);
    expect(es2023[0]).toMatchObject({ value: 90860, is_preferred: true, note: 'data-browser export 2025; not in the 2026 API extract' });
    // PT 2023 is in the CH/PT/SE API file: that one wins (the CSV agrees, so it is not repeated)
    expect(find('PRT', '2023').map((r) => [r.is_preferred, r.origin.file.split('/').pop()])).toEqual([
      [true, 'eurostat_migr_eipre_CH_PT_SE_2010_2023.json'],
    ]);
  });

  it('maps reason and place of apprehension to status codes', () => {
    expect(find('ESP', '2022', 'reason_ostay_apprehen_inl').map((r) => r.value)).toEqual([68100]);
    expect(new Set(rows.map((r) => r.status))).toContain('apprehen_inl');
    expect(rows.every((r) => r.sex === null && r.age === null && r.citizenship_code === null)).toBe(true);
  });

  it('exactly one preferred row per key', () => {
    const keys = new Map<string, number>();
    for (const r of rows) {
      const k = [r.series_id, r.country_code, r.period, r.sex, r.age, r.citizenship_code, r.status, r.value_kind].join('|');
      keys.set(k, (keys.get(k) ?? 0) + (r.is_preferred ? 1 : 0));
    }
    expect([...keys.values()].every((n) => n === 1)).toBe(true);
  });
});
