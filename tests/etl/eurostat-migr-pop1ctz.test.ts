import { describe, expect, it } from 'vitest';
import { eurostatMigrPop1ctz } from '../../scripts/sources/eurostat-migr-pop1ctz.ts';
import { eurostatMigrPop3ctb } from '../../scripts/sources/eurostat-migr-pop3ctb.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-migr-pop1ctz / pop3ctb', async () => {
  const ctz = await eurostatMigrPop1ctz.load({ rawDir: FIXTURE_RAW });
  const ctb = await eurostatMigrPop3ctb.load({ rawDir: FIXTURE_RAW });

  it('matches the golden rows', async () => {
    await expect(golden(ctz)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-migr-pop1ctz.json');
    await expect(golden(ctb)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-migr-pop3ctb.json');
  });

  it('dates stocks at 1 January and keeps FOR_STLS as the citizenship group', () => {
    expect(ctz.find((r) => r.country_code === 'ESP' && r.period === '2010-01-01')).toMatchObject({
      value: 5402575,
      citizenship_code: 'FOR_STLS',
      series_id: 'eurostat_population_by_citizenship',
      origin: { line: 0 },
    });
    expect(ctb.every((r) => r.citizenship_code === null && r.series_id === 'eurostat_population_foreign_born')).toBe(true);
  });

  it('emits nothing for a geo listed without data (MD)', () => {
    expect(ctz.some((r) => r.country_code === 'MDA')).toBe(false);
  });
});
