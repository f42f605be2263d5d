import { describe, expect, it } from 'vitest';
import { eurostatMigrEirfs } from '../../scripts/sources/eurostat-migr-eirfs.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-migr-eirfs', async () => {
  const rows = await eurostatMigrEirfs.load({ rawDir: FIXTURE_RAW });

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-migr-eirfs.json');
  });

  it('maps labels to codes and keeps the e flag', () => {
    expect(rows.find((r) => r.country_code === 'EU27_2020' && r.period === '2023')).toMatchObject({
      series_id: 'eurostat_migr_eirfs',
      value: 123260,
      flags: 'e',
      unit: 'persons',
      status: null,
      origin: { line: 5 },
    });
    expect(new Set(rows.map((r) => r.country_code))).toEqual(new Set(['ESP', 'ITA', 'EU27_2020', 'FRA']));
  });
});
