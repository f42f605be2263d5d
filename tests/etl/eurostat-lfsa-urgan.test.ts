import { describe, expect, it } from 'vitest';
import { eurostatLfsaUrgan } from '../../scripts/sources/eurostat-lfsa-urgan.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-lfsa-urgan', async () => {
  const rows = await eurostatLfsaUrgan.load({ rawDir: FIXTURE_RAW });

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-lfsa-urgan.json');
  });

  it('reads TSV cells with flags and skips ":" cells', () => {
    const es = rows.find((r) => r.country_code === 'ESP' && r.period === '2021' && r.age === 'Y20-64' && r.citizenship_code === 'NEU27_2020_FOR' && r.sex === null);
    expect(es).toMatchObject({ value: 24.3, flags: 'bd', unit: 'percent', value_kind: 'rate', is_preferred: true });
    // BA non-EU foreigners are ": u" / ": bu" throughout: no rows
    expect(rows.filter((r) => r.country_code === 'BIH' && r.citizenship_code === 'NEU27_2020_FOR')).toEqual([]);
  });

  it('keeps both age bands and maps TOTAL citizenship and sex T to null', () => {
    expect(new Set(rows.map((r) => r.age))).toEqual(new Set(['Y20-64', 'Y15-64']));
    expect(new Set(rows.map((r) => r.citizenship_code))).toEqual(new Set(['NAT', 'NEU27_2020_FOR', 'FOR', null]));
    expect(new Set(rows.map((r) => r.sex))).toEqual(new Set(['female', null]));
  });
});
