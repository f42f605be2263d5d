/**
 * Example queries of the SQL console: each runs on the published tables as they are and shows one
 * way to read them (preferred values only, totals only, sources joined). The browser test runs
 * every one of them.
 */
export interface Example {
  id: string;
  label: string;
  sql: string;
}

export const EXAMPLES: Example[] = [
  {
    id: 'japan-overstayers',
    label: "Japan's overstayer count, year by year",
    sql: `-- One preferred value per date; totals only (no breakdown by sex, nationality or status)
SELECT period, value, unit, source_id
FROM observations
WHERE series_id = 'jpn_overstayers'
  AND is_preferred
  AND sex IS NULL AND age IS NULL AND citizenship_code IS NULL AND status IS NULL
ORDER BY period_start`,
  },
  {
    id: 'irregular-series',
    label: 'Series of irregular residence, with what they leave out',
    sql: `SELECT series_id, title, unit, measure, excludes
FROM series
WHERE category = 'irregular_residence'
ORDER BY series_id`,
  },
  {
    id: 'regularizations',
    label: 'Regularization programmes by people granted status',
    sql: `SELECT country_code, name_en, start_date, end_date, applications, approvals
FROM regularizations
WHERE kind IN ('one_off', 'worker_legalization')
ORDER BY approvals DESC NULLS LAST`,
  },
  {
    id: 'rule-changes',
    label: 'Rule changes per country and direction',
    sql: `SELECT country_code, direction, count(*) AS changes, min(date) AS first, max(date) AS last
FROM rule_changes
GROUP BY ALL
ORDER BY country_code, direction NULLS LAST`,
  },
  {
    id: 'korea-sources',
    label: "South Korea's count with the document behind each value",
    sql: `SELECT o.period, o.value, s.publisher, s.title, s.url
FROM observations o
JOIN sources s USING (source_id)
WHERE o.series_id = 'kor_illegal_stay' AND o.is_preferred
  AND o.sex IS NULL AND o.citizenship_code IS NULL AND o.status IS NULL
ORDER BY o.period_start`,
  },
  {
    id: 'rows-per-series',
    label: 'Rows per series and country',
    sql: `SELECT series_id, country_code, count(*) AS rows,
  count(*) FILTER (WHERE is_preferred) AS preferred,
  min(period_start) AS first, max(period_end) AS last
FROM observations
GROUP BY ALL
ORDER BY series_id, country_code`,
  },
  {
    id: 'describe',
    label: 'Columns of the observations table',
    sql: `DESCRIBE observations`,
  },
];
