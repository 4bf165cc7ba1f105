import { STAKEHOLDER_GROUPS } from '@relab/shared';

/*
 * The pre-aggregation of interaction events (ADR 0010), in SQL shared by the write path, the rebuild and the
 * filtered read path, so that all three mean the same thing.
 *
 * Every event becomes rows (day, dim, weight, pair, members):
 *   - one row for its pair class (`dim` 0–7, see PAIR_CLASS), with both members;
 *   - inside one stakeholder group g: one row `dim` 100 + 2g + 1 with both members;
 *   - across groups: a row `dim` 100 + 2g (external) for each side, with that side's member.
 * `pair` and the members are their numbers in the lab (activity_pairs.seq, activity_members.seq).
 *
 * The pre-aggregates hold these rows once per scope of the event: the whole lab (''), its live session
 * ('s:' + id) and each life domain of its reflection ('d:' + domain), so a dashboard filtered by one session or one
 * life domain reads its own bitmaps (SCOPE_OF).
 */

/** Stakeholder groups in the order of their `dim` (a query parameter, so SQL and shared agree). */
export const GROUP_ORDER: readonly string[] = STAKEHOLDER_GROUPS;

/** SQL: the tie kind of a class `dim` under the rule in parameter `rule` (mirrors `tieOfClass`). */
export const tieOfDim = (dim: string, rule: string) =>
  `CASE WHEN ${dim} & 1 = 1 THEN 'linking' WHEN ${dim} & 2 = 2 AND (NOT ${rule} OR ${dim} & 4 = 4) THEN 'bonding' ELSE 'bridging' END`;

/**
 * SQL of the expanded rows of the events `e` matching `where` (which may use `e.`), with the groups' order as
 * parameter `groups` (text[]).
 */
export function expandedRows(where: string, groups: string, bucket = 'e.day', scoped = false): string {
  const g = (side: string) => `100 + 2 * (array_position(${groups}, e.group_${side}) - 1)`;
  // one row per (event, dim, member); \`head\` marks one row per (event, dim), which counts the event and its weight
  return `
    SELECT ${bucket} AS start, x.dim, e.weight, e.pair, x.m, x.head${scoped ? ', sc.scope' : ''}
    FROM interaction_events e${scoped ? `
    CROSS JOIN LATERAL unnest(${EVENT_SCOPES}) AS sc(scope)` : ''}
    JOIN activity_members ma ON ma.lab_id = e.lab_id AND ma.member_id = e.member_a
    JOIN activity_members mb ON mb.lab_id = e.lab_id AND mb.member_id = e.member_b
    CROSS JOIN LATERAL (
      SELECT e.cls::int AS dim, ma.seq AS m, true AS head
      UNION ALL SELECT e.cls::int, mb.seq, false
      UNION ALL SELECT ${g('a')} + 1, ma.seq, true WHERE e.group_a = e.group_b
      UNION ALL SELECT ${g('a')} + 1, mb.seq, false WHERE e.group_a = e.group_b
      UNION ALL SELECT ${g('a')}, ma.seq, true WHERE e.group_a <> e.group_b
      UNION ALL SELECT ${g('b')}, mb.seq, true WHERE e.group_a <> e.group_b
    ) x
    WHERE ${where}`;
}

/** SQL: the scopes of event `e` (text[]): the lab, its session, its life domains. */
const EVENT_SCOPES = `ARRAY['']::text[]
      || CASE WHEN e.session_id IS NULL THEN ARRAY[]::text[] ELSE ARRAY['s:' || e.session_id::text] END
      || ARRAY(SELECT 'd:' || d FROM unnest(e.life_domains) AS d)`;

/** The scope of the pre-aggregates a dashboard reads: the lab, one session or one life domain; null for both at once. */
export function scopeOf(filter: { sessionId?: string; lifeDomain?: string }): string | null {
  if (filter.sessionId && filter.lifeDomain) return null;
  if (filter.sessionId) return `s:${filter.sessionId}`;
  if (filter.lifeDomain) return `d:${filter.lifeDomain}`;
  return '';
}

/**
 * SQL: (scope, start, dim, events, weight, pairs, members) per scope, bucket start and dim, the bitmaps built from
 * the rows — the shape of \`activity_spans\`.
 */
export function bucketsFromEvents(where: string, groups: string, bucket: string, lab: string): string {
  return `
    SELECT r.scope, r.start, r.dim, (count(*) FILTER (WHERE r.head))::int AS events, coalesce(sum(r.weight) FILTER (WHERE r.head), 0) AS weight,
           activity_bits((SELECT pair_bits FROM activity_bitmaps WHERE lab_id = ${lab}), array_agg(DISTINCT r.pair)) AS pairs,
           activity_bits((SELECT member_bits FROM activity_bitmaps WHERE lab_id = ${lab}), array_agg(DISTINCT r.m)) AS members
    FROM (${expandedRows(where, groups, bucket, true)}) r
    GROUP BY r.scope, r.start, r.dim`;
}

/** The spans pre-aggregated: whole weeks and months serve long periods, days the edges of any period. */
export const SPANS = ['day', 'week', 'month'] as const;
export type Span = (typeof SPANS)[number];

/**
 * Adds events (by id; null: all of the lab) to one span of the pre-aggregates. Parameters: $1 lab, $2 event ids
 * (bigint[] or null), $3 groups (text[]), $4 span. Run `activity_fit($1)` first.
 */
export const APPLY_SPAN = `
  INSERT INTO activity_spans (lab_id, span, scope, start, dim, events, weight, pairs, members)
  SELECT $1, $4, b.scope, b.start, b.dim, b.events, b.weight, b.pairs, b.members
  FROM (${bucketsFromEvents('e.lab_id = $1 AND ($2::bigint[] IS NULL OR e.id = ANY($2::bigint[]))', '$3::text[]', 'date_trunc($4, e.day)::date', '$1')}) b
  ON CONFLICT (lab_id, span, scope, start, dim) DO UPDATE SET
    events = activity_spans.events + EXCLUDED.events,
    weight = activity_spans.weight + EXCLUDED.weight,
    pairs = activity_spans.pairs | EXCLUDED.pairs,
    members = activity_spans.members | EXCLUDED.members`;

/** Adds events ($1 lab, $2 ids or null) to the pair-month sums. */
export const APPLY_PAIR_MONTHS = `
  INSERT INTO activity_pair_months (lab_id, month, pair, cls, events, weight)
  SELECT $1, date_trunc('month', e.day)::date, e.pair, e.cls, count(*)::int, sum(e.weight)
  FROM interaction_events e
  WHERE e.lab_id = $1 AND ($2::bigint[] IS NULL OR e.id = ANY($2::bigint[]))
  GROUP BY 2, 3, 4
  ON CONFLICT (lab_id, month, pair, cls) DO UPDATE SET
    events = activity_pair_months.events + EXCLUDED.events,
    weight = activity_pair_months.weight + EXCLUDED.weight`;

/** Statements that clear a lab's pre-aggregates before a rebuild ($1 lab); then APPLY_SPAN per span and APPLY_PAIR_MONTHS. */
export const REBUILD = [
  `DELETE FROM activity_spans WHERE lab_id = $1`,
  `DELETE FROM activity_pair_months WHERE lab_id = $1`,
  `SELECT activity_fit($1)`,
] as const;
