import { describe, expect, it } from 'vitest';
import { eurostatLfsaUgan } from '../../scripts/sources/eurostat-lfsa-ugan.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-lfsa-ugan', async () => {
  const rows = await eurostatLfsaUgan.load({ rawDir: FIXTURE_RAW });

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-lfsa-ugan.json');
  });

  it('maps the label-only export to codes', () => {
    expect(new Set(rows.map((r) => r.citizenship_code))).toEqual(
      new Set([null, 'NAT', 'FOR', 'EU27_2020_FOR', 'NEU27_2020_FOR', 'STLS', 'NRP']),
    );
    expect(new Set(rows.map((r) => r.country_code))).toEqual(new Set(['ESP', 'ITA', 'EU27_2020', 'EA20', 'TUR']));
    expect(rows.every((r) => r.age === 'Y15-74' && r.unit === 'thousand_persons' && r.value_kind === 'count')).toBe(true);
  });
});
