import { describe, expect, it } from 'vitest';
import { eurostatMigrResfirst } from '../../scripts/sources/eurostat-migr-resfirst.ts';
import { FIXTURE_RAW, golden } from '../fixtures/eurostat/golden.ts';

describe('eurostat-migr-resfirst', async () => {
  const rows = await eurostatMigrResfirst.load({ rawDir: FIXTURE_RAW });
  const total = (c: string, p: string) => rows.filter((r) => r.country_code === c && r.period === p && r.status === null);

  it('matches the golden rows', async () => {
    await expect(golden(rows)).toMatchFileSnapshot('../fixtures/eurostat/golden/eurostat-migr-resfirst.json');
  });

  it('prefers the later migr_resfirst extract over tps00170 where both give 2023', () => {
    expect(total('DEU', '2023').map((r) => [r.value, r.is_preferred, r.source_id])).toEqual([
      [662888, true, 'eurostat-migr-resfirst'],
      [586144, false, 'eurostat-tps00170'],
    ]);
    expect(total('DEU', '2023')[1]!.note).toMatch(/^earlier vintage \(tps00170 summary table, last update 2025-03-03\); revised to 662888/);
    // tps00170 alone for earlier years: preferred, no note
    expect(total('ESP', '2022')).toMatchObject([{ value: 455553, is_preferred: true, note: null, unit: 'permits' }]);
  });

  it('keeps the break flag on Spain 2023 and the reasons as status codes', () => {
    expect(total('ESP', '2023')[0]).toMatchObject({ value: 548697, flags: 'b' });
    const reasons = rows.filter((r) => r.country_code === 'ESP' && r.status).map((r) => r.status);
    expect(reasons.sort()).toEqual(['reason_educ', 'reason_emp', 'reason_fam', 'reason_oth']);
  });
});
