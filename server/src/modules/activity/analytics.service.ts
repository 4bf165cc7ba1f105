import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  STAKEHOLDER_GROUPS,
  TIE_KINDS,
  eiIndex,
  suppress,
  tieOfClass,
  type ActivityBucket,
  type Broker,
  type Dashboard,
  type GroupFigures,
  type LanguageCommunity,
  type Network,
  type NetworkEdge,
  type NetworkNode,
  type PowerTier,
  type StakeholderGroup,
  type TieKind,
  type TieKindFigures,
} from '@relab/shared';
import { ActivitySettingsService } from './activity-settings.service.js';
import { findBrokers } from './brokers.js';
import { GROUP_ORDER, expandedRows, scopeOf, tieOfDim } from './rollups.js';

/** A resolved query: days inclusive (UTC), filters, bucket. */
export interface Period {
  from: string;
  to: string;
  bucket: ActivityBucket;
  sessionId?: string;
  lifeDomain?: string;
}

/** One row of the dashboard query (see `dashboard`). */
interface Part {
  part: 'series' | 'tie' | 'all' | 'cross' | 'ei' | 'group' | 'new';
  start: string | null;
  key: string | null;
  events: number;
  weight: number;
  ties: number;
  members: number;
  extra: number;
}

/** One pair of the period's network, with both members' numbers and latest snapshots. */
interface PairRow {
  cls: number;
  n: number;
  w: number;
  a: string;
  b: string;
  sa: number;
  sb: number;
  ga: StakeholderGroup;
  gb: StakeholderGroup;
  ta: PowerTier;
  tb: PowerTier;
  la: LanguageCommunity;
  lb: LanguageCommunity;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/** First day of the week (Monday) or month of a day. */
export function bucketStart(day: string, bucket: ActivityBucket): string {
  if (bucket === 'month') return firstOfMonth(day);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The whole buckets inside [from, to] as [first start, end) — equal (and after `to`) when there is none. */
export function wholeBuckets(period: Pick<Period, 'from' | 'to' | 'bucket'>): [string, string] {
  const start = bucketStart(period.from, period.bucket);
  const first = start === period.from ? start : period.bucket === 'month' ? nextMonth(start) : addDays(start, 7);
  const after = addDays(period.to, 1);
  const end = bucketStart(after, period.bucket);
  return first < end ? [first, end] : [after, after];
}

/**
 * The figures of a period, aggregated in PostgreSQL (ADR 0010):
 * - the dashboard reads the pre-aggregates (`activity_spans`: per day, week and month and per class or group,
 *   events, weight and bitmaps of the pairs and members) of the whole buckets inside the period and of the days at
 *   its edges, ORs the bitmaps per bucket and counts bits: distinct ties and members of any period and bucket
 *   without reading the events. A session or a life domain has pre-aggregates of its own (the `scope`); with both
 *   filters at once the figures are counted from the matching events (COUNT DISTINCT over the same expanded rows);
 * - the network reads the pair-month sums for the months inside the period and the events of the days at its
 *   edges: one row per pair. Brokers (graphology) are computed from those rows.
 * Only aggregates reach Node.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: ActivitySettingsService,
  ) {}

  async dashboard(labId: string, period: Period, opts: { fromEvents?: boolean } = {}): Promise<Dashboard> {
    const settings = await this.settings.get(labId);
    const k = settings.kAnonymity;
    const rule = settings.bondingRequiresSameLanguage;
    // a session or a life domain has pre-aggregates of its own; both at once (or a check) count from the events
    const scope = opts.fromEvents === true ? null : scopeOf(period);
    const f = this.filter(period, 7);
    const tie = tieOfDim('dim', '$5::boolean');
    const [parts, fresh] = await Promise.all([
      scope === null
        ? (this.db.query(this.partsFromEvents(f.sql), [labId, period.from, period.to, period.bucket, rule, GROUP_ORDER, ...f.params]) as Promise<Part[]>)
        : (this.db.query(
            `WITH d AS (${spanRows('$6', '$7', '$8')}),
             b AS (SELECT start, dim, sum(events)::int AS events, sum(weight) AS weight, bit_or(pairs) AS pairs, bit_or(members) AS members FROM d GROUP BY start, dim),
             t AS (SELECT dim, sum(events)::int AS events, sum(weight) AS weight, bit_or(pairs) AS pairs, bit_or(members) AS members FROM b GROUP BY dim),
             c AS (SELECT * FROM t WHERE dim < 8)
             SELECT 'series' AS part, start::text AS start, ${tie} AS key, sum(events)::int AS events, sum(weight)::float8 AS weight,
                    bit_count(bit_or(pairs))::int AS ties, bit_count(bit_or(members))::int AS members, 0 AS extra
             FROM b WHERE dim < 8 GROUP BY start, key
             UNION ALL SELECT 'tie', NULL, ${tie}, sum(events)::int, sum(weight)::float8, bit_count(bit_or(pairs))::int, bit_count(bit_or(members))::int, 0 FROM c GROUP BY 3
             UNION ALL SELECT 'all', NULL, NULL, coalesce(sum(events), 0)::int, coalesce(sum(weight), 0)::float8, coalesce(bit_count(bit_or(pairs)), 0)::int, coalesce(bit_count(bit_or(members)), 0)::int, 0 FROM c
             UNION ALL SELECT 'cross', NULL, NULL, 0, 0, coalesce(bit_count(bit_or(pairs) FILTER (WHERE dim & 4 = 0)), 0)::int, 0, 0 FROM c
             UNION ALL SELECT 'ei', NULL, NULL, 0, 0, coalesce(bit_count(bit_or(pairs) FILTER (WHERE dim & 2 = 2)), 0)::int, 0,
                              coalesce(bit_count(bit_or(pairs) FILTER (WHERE dim & 2 = 0)), 0)::int FROM c
             UNION ALL SELECT 'group', NULL, ((dim - 100) / 2)::text, 0, 0, coalesce(bit_count(bit_or(pairs) FILTER (WHERE dim % 2 = 1)), 0)::int,
                              bit_count(bit_or(members))::int, coalesce(bit_count(bit_or(pairs) FILTER (WHERE dim % 2 = 0)), 0)::int
             FROM t WHERE dim >= 100 GROUP BY (dim - 100) / 2`,
            [labId, period.from, period.to, period.bucket, rule, ...wholeBuckets(period), scope],
          ) as Promise<Part[]>),
      this.newTies(labId, period, scope),
    ]);
    const by = (part: Part['part']) => parts.filter((p) => p.part === part);
    const all = by('all')[0] ?? { events: 0, weight: 0, ties: 0, members: 0 };
    const figures = (r: Pick<Part, 'ties' | 'weight' | 'members'> | undefined, total: number): TieKindFigures =>
      r ? { ties: suppress(r.ties, r.members, k), weight: suppress(round(r.weight), r.members, k), share: suppress(total > 0 ? round(r.weight / total) : 0, r.members, k) } : { ties: 0, weight: 0, share: 0 };
    const kinds = Object.fromEntries(TIE_KINDS.map((kind) => [kind, figures(by('tie').find((r) => r.key === kind), all.weight)])) as Record<TieKind, TieKindFigures>;

    const buckets = new Map<string, Part[]>();
    for (const r of by('series')) buckets.set(r.start!, [...(buckets.get(r.start!) ?? []), r]);
    const series = [...buckets.entries()]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([start, rows]) => {
        const total = rows.reduce((s, r) => s + r.weight, 0);
        return { start, kinds: Object.fromEntries(TIE_KINDS.map((kind) => [kind, figures(rows.find((r) => r.key === kind), total)])) as Record<TieKind, TieKindFigures> };
      });

    const groups: GroupFigures[] = by('group')
      .map((r) => {
        const group = STAKEHOLDER_GROUPS[Number(r.key)]!;
        return {
          group,
          members: suppress(r.members, r.members, k),
          external: suppress(r.extra, r.members, k),
          internal: suppress(r.ties, r.members, k),
          ei: suppress(roundOrNull(eiIndex(r.extra, r.ties)), r.members, k),
        };
      })
      .sort((x, y) => x.group.localeCompare(y.group));
    const ei = by('ei')[0];
    const cross = by('cross')[0];
    return {
      from: period.from,
      to: period.to,
      bucket: period.bucket,
      kAnonymity: k,
      rule: { bondingRequiresSameLanguage: rule },
      totals: {
        ...kinds,
        events: suppress(all.events, all.members, k),
        members: suppress(all.members, all.members, k),
        ties: suppress(all.ties, all.members, k),
      },
      series,
      groups,
      eiOverall: suppress(roundOrNull(ei ? eiIndex(ei.extra, ei.ties) : null), all.members, k),
      // a share over all the period's ties describes all their members
      crossLanguageShare: suppress(all.ties > 0 ? round((cross?.ties ?? 0) / all.ties) : 0, all.members, k),
      newTies: Object.fromEntries(TIE_KINDS.map((kind) => {
        const pairs = fresh.filter((p) => tieOfClass(p.cls, { bondingRequiresSameLanguage: rule }) === kind);
        return [kind, suppress(pairs.length, new Set(pairs.flatMap((p) => [p.a, p.b])).size, k)];
      })) as Record<TieKind, number | null>,
    };
  }

  /** The network of the period: members by pseudonym (facilitators, with brokers), or groups of at least k members. */
  async network(labId: string, period: Period, view: 'members' | 'groups', opts: { fromEvents?: boolean; maxEdges?: number } = {}): Promise<Network> {
    const settings = await this.settings.get(labId);
    const k = settings.kAnonymity;
    const rule = { bondingRequiresSameLanguage: settings.bondingRequiresSameLanguage };
    const pairs = await this.pairs(labId, period, opts.fromEvents === true);
    // one edge per pair: its strongest tie kind, all its weight
    const edges = new Map<string, NetworkEdge & { byKind: Map<TieKind, number> }>();
    const nodes = new Map<string, NetworkNode>();
    for (const p of pairs) {
      const id = `${p.sa}|${p.sb}`;
      const kind = tieOfClass(p.cls, rule);
      let e = edges.get(id);
      if (!e) edges.set(id, (e = { source: pseudonymOf(p.sa), target: pseudonymOf(p.sb), kind, weight: 0, interactions: 0, byKind: new Map() }));
      e.weight += p.w;
      e.interactions += p.n;
      e.byKind.set(kind, (e.byKind.get(kind) ?? 0) + p.w);
      for (const [seq, g, t, l] of [[p.sa, p.ga, p.ta, p.la], [p.sb, p.gb, p.tb, p.lb]] as const) {
        const label = pseudonymOf(seq);
        const node = nodes.get(label) ?? { id: label, label, group: g, tier: t, language: l, strength: 0 };
        node.strength += p.w;
        nodes.set(label, node);
      }
    }
    const memberEdges = [...edges.values()]
      .map(({ byKind, ...e }) => {
        const [source, target] = [e.source, e.target].sort() as [string, string];
        return { ...e, source, target, weight: round(e.weight), kind: [...byKind.entries()].sort((x, y) => y[1] - x[1])[0]![0] };
      })
      .sort(byEnds);
    if (view === 'members') {
      return {
        view,
        nodes: [...nodes.values()].map((n) => ({ ...n, strength: round(n.strength) })).sort((x, y) => compare(x.id, y.id)),
        edges: strongest(memberEdges, opts.maxEdges),
        edgesTotal: memberEdges.length,
        suppressed: 0,
      };
    }
    // groups: a node per group with at least k members, an edge per pair of shown groups and tie kind
    const members = new Map<StakeholderGroup, { members: Set<string>; tier: PowerTier; strength: number }>();
    for (const n of nodes.values()) {
      const g = members.get(n.group) ?? { members: new Set(), tier: n.tier, strength: 0 };
      g.members.add(n.id);
      g.strength += n.strength;
      members.set(n.group, g);
    }
    const shown = new Set([...members.entries()].filter(([, g]) => g.members.size >= k).map(([group]) => group));
    const groupEdges = new Map<string, NetworkEdge>();
    for (const e of memberEdges) {
      const ga = nodes.get(e.source)!.group;
      const gb = nodes.get(e.target)!.group;
      if (ga === gb || !shown.has(ga) || !shown.has(gb)) continue;
      const [x, y] = ga < gb ? [ga, gb] : [gb, ga];
      const id = `${x}|${y}|${e.kind}`;
      const ge = groupEdges.get(id) ?? { source: x, target: y, kind: e.kind, weight: 0, interactions: 0 };
      ge.weight = round(ge.weight + e.weight);
      ge.interactions += e.interactions;
      groupEdges.set(id, ge);
    }
    return {
      view,
      nodes: [...shown].sort().map((group) => {
        const g = members.get(group)!;
        return { id: group, label: group, group, tier: g.tier, language: null, strength: round(g.strength), members: g.members.size };
      }),
      edges: strongest([...groupEdges.values()].sort((x, y) => byEnds(x, y) || compare(x.kind, y.kind)), opts.maxEdges),
      edgesTotal: groupEdges.size,
      suppressed: members.size - shown.size,
    };
  }

  /**
   * The same parts as the pre-aggregate query, counted straight from the matching events (a session or a life
   * domain: subsets no pre-aggregate serves): distinct pairs and members by COUNT(DISTINCT) over the same expanded
   * rows. Also the independent check of the bitmaps in the tests.
   */
  private partsFromEvents(where: string): string {
    const tie = tieOfDim('dim', '$5::boolean');
    const figures = `(count(*) FILTER (WHERE head))::int, coalesce(sum(weight) FILTER (WHERE head), 0)::float8, count(DISTINCT pair)::int, count(DISTINCT m)::int`;
    return `
      WITH c AS (${expandedRows(where, '$6::text[]', 'date_trunc($4, e.day)::date')})
      SELECT 'series' AS part, start::text AS start, ${tie} AS key, (count(*) FILTER (WHERE head))::int AS events,
             coalesce(sum(weight) FILTER (WHERE head), 0)::float8 AS weight, count(DISTINCT pair)::int AS ties, count(DISTINCT m)::int AS members, 0 AS extra
      FROM c WHERE dim < 8 GROUP BY start, key
      UNION ALL SELECT 'tie', NULL, ${tie}, ${figures}, 0 FROM c WHERE dim < 8 GROUP BY 3
      UNION ALL SELECT 'all', NULL, NULL, ${figures}, 0 FROM c WHERE dim < 8
      UNION ALL SELECT 'cross', NULL, NULL, 0, 0, (count(DISTINCT pair) FILTER (WHERE dim & 4 = 0))::int, 0, 0 FROM c WHERE dim < 8
      UNION ALL SELECT 'ei', NULL, NULL, 0, 0, (count(DISTINCT pair) FILTER (WHERE dim & 2 = 2))::int, 0, (count(DISTINCT pair) FILTER (WHERE dim & 2 = 0))::int FROM c WHERE dim < 8
      UNION ALL SELECT 'group', NULL, ((dim - 100) / 2)::text, 0, 0, (count(DISTINCT pair) FILTER (WHERE dim % 2 = 1))::int, count(DISTINCT m)::int,
                       (count(DISTINCT pair) FILTER (WHERE dim % 2 = 0))::int
      FROM c WHERE dim >= 100 GROUP BY (dim - 100) / 2`;
  }

  /** Members who connect groups that are not otherwise connected in the period (facilitators), by betweenness. */
  async brokers(labId: string, period: Period): Promise<Broker[]> {
    const net = await this.network(labId, period, 'members');
    const groupOf = new Map(net.nodes.map((n) => [n.id, n.group]));
    return findBrokers(net.edges.map((e) => ({ a: e.source, b: e.target, groupA: groupOf.get(e.source)!, groupB: groupOf.get(e.target)!, weight: e.weight }))).map((b) => ({
      pseudonym: b.member,
      group: b.group,
      betweenness: b.betweenness,
      groupsBridged: b.groupsBridged,
    }));
  }

  /** `P001`… : the activity pseudonym of each member of the lab with any interaction. */
  async pseudonyms(labId: string): Promise<Map<string, string>> {
    const rows: Array<{ member_id: string; seq: number }> = await this.db.query(`SELECT member_id, seq FROM activity_members WHERE lab_id = $1`, [labId]);
    return new Map(rows.map((r) => [r.member_id, pseudonymOf(r.seq)]));
  }

  private filter(period: Period, first: number): { sql: string; params: unknown[] } {
    const parts = [`e.lab_id = $1`, `e.day BETWEEN $2::date AND $3::date`];
    const params: unknown[] = [];
    let n = first;
    if (period.sessionId) {
      parts.push(`e.session_id = $${n++}`);
      params.push(period.sessionId);
    }
    if (period.lifeDomain) {
      parts.push(`e.life_domains @> ARRAY[$${n++}::text]`);
      params.push(period.lifeDomain);
    }
    return { sql: parts.join(' AND '), params };
  }

  /**
   * Pairs whose first interaction ever falls in the period (among the pairs of the scope in the period, when a
   * session or life domain is chosen: their bit in the scope's pairs bitmap).
   */
  private async newTies(labId: string, period: Period, scope: string | null): Promise<Array<{ a: string; b: string; cls: number }>> {
    const first = `SELECT p.member_a AS a, p.member_b AS b, p.cls FROM activity_pairs p WHERE p.lab_id = $1 AND p.first_day BETWEEN $2::date AND $3::date`;
    if (scope === '') return this.db.query(first, [labId, period.from, period.to]);
    if (scope !== null) {
      return this.db.query(
        `WITH d AS (${spanRows('$5', '$6', '$7')}), s AS (SELECT bit_or(pairs) AS bits FROM d WHERE dim < 8)
         ${first} AND get_bit((SELECT bits FROM s), p.seq) = 1`,
        [labId, period.from, period.to, period.bucket, ...wholeBuckets(period), scope],
      );
    }
    const f = this.filter(period, 4);
    return this.db.query(`${first} AND EXISTS (SELECT 1 FROM interaction_events e WHERE ${f.sql} AND e.pair = p.seq)`, [labId, period.from, period.to, ...f.params]);
  }

  /**
   * One row per pair and class of the period: pair-month sums for the whole months inside it, events for the days
   * at its edges (or, filtered, the matching events).
   */
  private async pairs(labId: string, period: Period, fromEvents: boolean): Promise<PairRow[]> {
    let source: string;
    let params: unknown[];
    if (period.sessionId || period.lifeDomain || fromEvents) {
      const f = this.filter(period, 4);
      source = `SELECT e.pair, e.cls, count(*)::int AS events, sum(e.weight) AS weight FROM interaction_events e WHERE ${f.sql} GROUP BY 1, 2`;
      params = [labId, period.from, period.to, ...f.params];
    } else {
      // whole months inside [from, to]: [m0, m1); the days outside them come from the events
      const m0 = period.from === firstOfMonth(period.from) ? period.from : nextMonth(period.from);
      const after = addDays(period.to, 1);
      const m1 = after === firstOfMonth(after) ? after : firstOfMonth(period.to);
      const [lo, hi] = m0 < m1 ? [m0, m1] : [after, after];
      source = `
        SELECT pair, cls, events, weight FROM activity_pair_months WHERE lab_id = $1 AND month >= $4::date AND month < $5::date
        UNION ALL
        SELECT e.pair, e.cls, 1, e.weight FROM interaction_events e
        WHERE e.lab_id = $1 AND e.day BETWEEN $2::date AND $3::date AND (e.day < $4::date OR e.day >= $5::date)`;
      params = [labId, period.from, period.to, lo, hi];
    }
    return this.db.query(
      `SELECT x.cls, x.n, x.w, p.member_a AS a, p.member_b AS b,
              ma.seq AS sa, mb.seq AS sb, ma.group_id AS ga, mb.group_id AS gb, ma.tier AS ta, mb.tier AS tb, ma.lang AS la, mb.lang AS lb
       FROM (SELECT u.pair, u.cls, sum(u.events)::int AS n, sum(u.weight)::float8 AS w FROM (${source}) u GROUP BY u.pair, u.cls) x
       JOIN activity_pairs p ON p.lab_id = $1 AND p.seq = x.pair
       JOIN activity_members ma ON ma.lab_id = $1 AND ma.member_id = p.member_a
       JOIN activity_members mb ON mb.lab_id = $1 AND mb.member_id = p.member_b`,
      params,
    );
  }
}

/**
 * SQL: the pre-aggregate rows of a period in one scope, by bucket: whole buckets [$w0, $w1) of span $4 from their
 * own rows, the days at the edges of [$2, $3] from the day rows; $1 is the lab.
 */
const spanRows = (w0: string, w1: string, scope: string) => `
  SELECT start, dim, events, weight, pairs, members FROM activity_spans
  WHERE lab_id = $1 AND span = $4 AND scope = ${scope} AND start >= ${w0}::date AND start < ${w1}::date
  UNION ALL
  SELECT date_trunc($4, start)::date, dim, events, weight, pairs, members FROM activity_spans
  WHERE lab_id = $1 AND span = 'day' AND scope = ${scope} AND start BETWEEN $2::date AND $3::date AND (start < ${w0}::date OR start >= ${w1}::date)`;

/** Plain string order (ids and pseudonyms are ASCII; a collator costs more than the rest of building the network). */
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const byEnds = (x: NetworkEdge, y: NetworkEdge) => compare(x.source, y.source) || compare(x.target, y.target);

/** The `max` heaviest edges (then by ends), in the order they came; all of them without a maximum. */
export function strongest(edges: NetworkEdge[], max: number | undefined): NetworkEdge[] {
  if (max === undefined || edges.length <= max) return edges;
  const kept = new Set(edges.slice().sort((x, y) => y.weight - x.weight || byEnds(x, y)).slice(0, max));
  return edges.filter((e) => kept.has(e));
}

export const pseudonymOf = (seq: number) => `P${String(seq).padStart(3, '0')}`;
const round = (x: number) => Math.round(x * 1000) / 1000;
const roundOrNull = (x: number | null) => (x === null ? null : round(x));
