/**
 * Keys of published values cited in stories, e.g. `<V k="jpn_overstayers|JPN|2024-01-01" />`:
 *
 * - `series_id|COUNTRY|period` — the preferred total of a series at a published period (the
 *   central estimate or the count); add `|estimate_low` or `|estimate_high` for a bound, `|rate`,
 *   `|cumulative` (a running total over its window)…; add `|s=<status>` and/or `|c=<citizenship>`
 *   for the preferred value of one breakdown (`|s=with_violations`, `|c=VNM`);
 * - `reg|<regularization_id>|applications` or `|approvals` — a programme's figures.
 *
 * Browser-safe (no node: imports): the frontmatter schema validates keys with it.
 */
export const VALUE_KINDS = ['count', 'estimate_central', 'estimate_low', 'estimate_high', 'rate', 'quota', 'cumulative'] as const;
export const REG_FIELDS = ['applications', 'approvals', 'rejections'] as const;

export const VALUE_KEY_RE = new RegExp(`^[a-z0-9_]+\\|[A-Z0-9_]+\\|[0-9A-Za-z-]+(\\|(${VALUE_KINDS.join('|')}))?(\\|s=[a-z0-9_]+)?(\\|c=[A-Z0-9_]+)?$`);
export const REG_KEY_RE = new RegExp(`^reg\\|[a-z0-9-]+\\|(${REG_FIELDS.join('|')})$`);

export type ValueKey =
  | { kind: 'observation'; series: string; country: string; period: string; valueKind: (typeof VALUE_KINDS)[number] | null; status: string | null; citizenship: string | null }
  | { kind: 'regularization'; id: string; field: (typeof REG_FIELDS)[number] };

/** Parses a key, or throws an error that names it and says what a key looks like. */
export function parseValueKey(key: string): ValueKey {
  if (REG_KEY_RE.test(key)) {
    const [, id, field] = key.split('|');
    return { kind: 'regularization', id, field: field as (typeof REG_FIELDS)[number] };
  }
  if (VALUE_KEY_RE.test(key)) {
    const [series, country, period, ...rest] = key.split('|');
    const vk = rest.find((p) => !p.includes('='));
    const status = rest.find((p) => p.startsWith('s='))?.slice(2) ?? null;
    const citizenship = rest.find((p) => p.startsWith('c='))?.slice(2) ?? null;
    return { kind: 'observation', series, country, period, valueKind: (vk as (typeof VALUE_KINDS)[number] | undefined) ?? null, status, citizenship };
  }
  throw new Error(`value key "${key}" is malformed: expected series_id|COUNTRY|period[|value_kind][|s=status][|c=CITIZENSHIP] or reg|<regularization_id>|applications|approvals|rejections`);
}
