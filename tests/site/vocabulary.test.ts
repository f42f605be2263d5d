/**
 * Every coded value the dataset publishes has a human label in src/lib/domain/vocabulary.ts: each
 * enum of the data contract (the values codebook.json and datapackage.json list), every flag letter
 * and DEMIG POLICY code that appears in the published tables, and every quality grade.
 */
import { describe, expect, it } from 'vitest';
import { TABLES, QUALITY_GRADES, type TableName } from '../../src/lib/schema.ts';
import { fieldEnum, publishedColumns } from '../../src/lib/contract/tables.ts';
import { labelOf, VOCABULARY } from '../../src/lib/domain/vocabulary.ts';
import { queryNode } from '../../src/lib/db/node.ts';

const unlabelled = (key: string, values: Iterable<string>) => [...values].filter((v) => !(VOCABULARY[key] && Object.hasOwn(VOCABULARY[key], v))).map((v) => `${key}=${v}`);

describe('vocabulary', () => {
  it('labels every value of every enum column of the contract', () => {
    const missing: string[] = [];
    let enums = 0;
    for (const table of Object.keys(TABLES) as TableName[]) {
      for (const col of publishedColumns(table)) {
        const values = fieldEnum(table, col.field);
        if (!values) continue;
        enums++;
        missing.push(...unlabelled(`${table}.${col.name}`, values));
      }
    }
    expect(enums).toBeGreaterThanOrEqual(10);
    expect(missing).toEqual([]);
  });

  it('labels every quality grade', () => {
    expect(unlabelled('series.quality_grade', QUALITY_GRADES)).toEqual([]);
  });

  it('labels every flag letter and DEMIG code in the published tables', async () => {
    const flags = await queryNode(`SELECT DISTINCT unnest(string_split(flags, '')) AS v FROM observations WHERE flags IS NOT NULL`);
    const missing = unlabelled('observations.flags', flags.map((r) => String(r.v)));
    for (const col of ['policy_area', 'policy_tool', 'target_group']) {
      const rows = await queryNode(`SELECT DISTINCT ${col} AS v FROM rule_changes WHERE ${col} IS NOT NULL`);
      expect(rows.length).toBeGreaterThan(0);
      missing.push(...unlabelled(`rule_changes.${col}`, rows.map((r) => String(r.v))));
    }
    expect(missing).toEqual([]);
  });

  it('fails on an unlabelled value (the check itself)', () => {
    expect(unlabelled('rule_changes.policy_tool', ['no_such_tool'])).toEqual(['rule_changes.policy_tool=no_such_tool']);
    expect(labelOf('rule_changes.policy_tool', 'work_permit')).toBe('Work permit');
  });
});
