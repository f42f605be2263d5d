import { describe, expect, it } from 'vitest';
import { eurostatLfsaErgan } from '../../scripts/sources/eurostat-lfsa-ergan.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-lfsa-ergan', async () => {
  const rows = await eurostatLfsaErgan.load({ rawDir: FIXTURE_RAW });

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-lfsa-ergan.json');
  });

  it('reads both the bulk TSV and the SDMX-CSV 2.0 export', () => {
    const files = new Set(rows.map((r) => r.origin.file.split('/').pop()));
    expect(files).toEqual(new Set(['estat_lfsa_ergan_filtered.tsv', 'employment_rates_yearly.csv']));
    expect(rows.every((r) => r.series_id === 'eurostat_employment_rate' && r.unit === 'percent' && r.is_preferred)).toBe(true);
  });
});
