import { describe, expect, it } from 'vitest';
import { bindParams, paramNames, sqlLiteral } from '../../src/lib/charts/sql.ts';
import { queryKey } from '../../src/lib/charts/run.ts';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { parseState } from '../../src/lib/charts/url-state.ts';

describe('SQL binding', () => {
  it('escapes strings and builds typed lists', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral(['JPN', "x'); DROP TABLE t; --"])).toBe("['JPN', 'x''); DROP TABLE t; --']");
    expect(sqlLiteral([])).toBe('[]::VARCHAR[]');
    expect(sqlLiteral(1990)).toBe('1990');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });

  it('replaces every $name and refuses unknown ones', () => {
    expect(bindParams('SELECT $a, $b, $a', { a: 1, b: 'x' })).toBe("SELECT 1, 'x', 1");
    expect(() => bindParams('SELECT $missing', {})).toThrow(/missing/);
    expect(paramNames('WHERE x IN $a AND y = $b_2 OR z = $a')).toEqual(['a', 'b_2']);
  });

  it('changes the query key only for state fields used in SQL', () => {
    const base = parseState(spec, '');
    const k = queryKey(spec, base);
    expect(queryKey(spec, { ...base, scale: 'log', mode: 'indexed', layers: [] })).toBe(k);
    expect(queryKey(spec, { ...base, countries: ['JPN'] })).not.toBe(k);
    expect(queryKey(spec, { ...base, from: 2000 })).not.toBe(k);
  });
});
