/**
 * Label → code dictionaries for data-browser exports that carry labels instead of codes
 * ("Females" instead of F, "Illegal entry" instead of ENTRY_NLEG).
 *
 * Each label comes from a real export in ../shared/data/raw or from the dimension labels of the
 * JSON-stat files there (which give code and label side by side). A label that is not listed is
 * an InputError: mapping it by guesswork could merge a breakdown into its total.
 */
import { InputError } from '../errors.ts';

const TOTAL = { Total: 'TOTAL' };

export const DIMENSION_LABELS: Record<string, Record<string, string>> = {
  freq: { Annual: 'A', Quarterly: 'Q', Monthly: 'M' },
  unit: { Person: 'PER', Number: 'NR', 'Thousand persons': 'THS_PER', Percentage: 'PC' },
  sex: { Total: 'T', Females: 'F', Males: 'M' },
  citizen: {
    ...TOTAL,
    'Reporting country': 'NAT',
    'Foreign country': 'FOR',
    'EU27 countries (from 2020) except reporting country': 'EU27_2020_FOR',
    'Non-EU27 countries (from 2020) nor reporting country': 'NEU27_2020_FOR',
    Stateless: 'STLS',
    'No response': 'NRP',
    'Foreign country and stateless': 'FOR_STLS',
  },
  c_birth: { ...TOTAL, 'Foreign country': 'FOR', 'Reporting country': 'NAT' },
  // migr_eipre: reason for being found illegally present (collected since reference year 2021)
  reason: {
    ...TOTAL,
    'Illegal entry': 'ENTRY_NLEG',
    Overstay: 'OSTAY',
    'Other reason': 'OTH',
  },
  apprehen: {
    ...TOTAL,
    'In the external border area': 'BRD_EXT',
    'At the border crossing point – at sea, land, air': 'BCP_SLA',
    'Between border crossing points - at sea': 'BCP_S',
    'Between border crossing points - at land': 'BCP_L',
    'In the inland area': 'INL',
  },
  border: TOTAL,
  duration: TOTAL,
  wstatus: {
    'Employed persons': 'EMP',
    'Unemployed persons': 'UNE',
    'Persons outside the labour force': 'INAC',
  },
  age: TOTAL,
};

// "From 15 to 74 years" → Y15-74; Eurostat writes age classes this way in every LFS table.
const AGE_RANGE = /^From (\d+) to (\d+) years$/;
const AGE_OVER = /^(\d+) years or over$/;
const AGE_UNDER = /^Less than (\d+) years$/;
// Codes are upper case letters, digits, _ and -; no Eurostat label is written that way.
const CODE_RE = /^[A-Z0-9_-]+$/;

/**
 * Map one dimension cell of a data-browser export to its code. Codes pass through (exports can
 * be made with codes or labels). Unknown labels are an InputError naming file, line and column.
 */
export function labelToCode(dim: string, cell: string, file: string, line: number): string {
  const s = cell.trim();
  if (CODE_RE.test(s)) return s;
  const dict = DIMENSION_LABELS[dim];
  if (dict && Object.hasOwn(dict, s)) return dict[s]!;
  if (dim === 'age') {
    let m = AGE_RANGE.exec(s);
    if (m) return `Y${m[1]}-${m[2]}`;
    m = AGE_OVER.exec(s);
    if (m) return `Y_GE${m[1]}`;
    m = AGE_UNDER.exec(s);
    if (m) return `Y_LT${m[1]}`;
  }
  throw new InputError(file, line, dim, `unknown label "${cell}" for Eurostat dimension "${dim}"; add it to scripts/lib/eurostat/labels.ts with its code`);
}
