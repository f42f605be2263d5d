import { describe, expect, it } from 'vitest';
import { eurostatLfsaPganws } from '../../scripts/sources/eurostat-lfsa-pganws.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-lfsa-pganws', async () => {
  const rows = await eurostatLfsaPganws.load({ rawDir: FIXTURE_RAW });

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-lfsa-pganws.json');
  });

  it('gives foreign employed 15-64 in thousands with labour status codes', () => {
    expect(rows.find((r) => r.country_code === 'ESP' && r.period === '2024' && r.sex === null && r.status === 'wstatus_emp')).toMatchObject({
      value: 3194.2,
      flags: 'd',
      citizenship_code: 'FOR',
      age: 'Y15-64',
      unit: 'thousand_persons',
    });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['wstatus_emp', 'wstatus_une', 'wstatus_inac']));
  });
});
