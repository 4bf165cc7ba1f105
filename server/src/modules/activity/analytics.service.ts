import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  TIE_KINDS,
  eiIndices,
  suppress,
  type ActivityBucket,
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

/** A resolved query: days inclusive (UTC), filters, bucket. */
export interface Period {
  from: string;
  to: string;
  bucket: ActivityBucket;
  sessionId?: string;
  lifeDomain?: string;
}

/** One pair of members in the period, with the snapshot its events carry (a pair whose snapshot changed has several). */
interface PairRow {
  a: string;
  b: string;
  tie: TieKind;
  ga: StakeholderGroup;
  gb: StakeholderGroup;
  ta: PowerTier;
  tb: PowerTier;
  la: LanguageCommunity;
  lb: LanguageCommunity;
  w: number;
  n: number;
  is_new: boolean;
}

/** The tie kind of an event from its snapshots, under the lab's language rule ($R). Mirrors `classifyTie`. */
const TIE_SQL = (rule: string) =>
  `CASE WHEN e.tier_a <> e.tier_b THEN 'linking' WHEN e.group_a = e.group_b AND (NOT ${rule} OR e.lang_a = e.lang_b) THEN 'bonding' ELSE 'bridging' END`;

/**
 * Aggregates in PostgreSQL: the period's events are read once from the covering index and reduced there to one row
 * per pair (at most n(n−1)/2 for n members) and one row per bucket and tie kind; only those aggregates reach
 * Node, where the figures, the suppression and the network metrics (graphology) are computed.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: ActivitySettingsService,
  ) {}

  async dashboard(labId: string, period: Period, withBrokers: boolean): Promise<Dashboard> {
    const settings = await this.settings.get(labId);
    const k = settings.kAnonymity;
    const rule = settings.bondingRequiresSameLanguage;
    const [pairs, series, names] = await Promise.all([this.pairs(labId, period, rule), this.series(labId, period, rule), withBrokers ? this.pseudonyms(labId) : null]);

    const byKind = (kind: TieKind | null) => {
      const rows = kind ? pairs.filter((p) => p.tie === kind) : pairs;
      const ties = new Set(rows.map((p) => `${p.a}|${p.b}`)).size;
      const members = new Set(rows.flatMap((p) => [p.a, p.b])).size;
      const weight = rows.reduce((s, p) => s + p.w, 0);
      return { ties, members, weight, events: rows.reduce((s, p) => s + p.n, 0) };
    };
    const all = byKind(null);
    const kinds = {} as Record<TieKind, TieKindFigures>;
    const newTies = {} as Record<TieKind, number | null>;
    for (const kind of TIE_KINDS) {
      const f = byKind(kind);
      kinds[kind] = {
        ties: suppress(f.ties, f.members, k),
        weight: suppress(round(f.weight), f.members, k),
        share: suppress(all.weight > 0 ? round(f.weight / all.weight) : 0, f.members, k),
      };
      const fresh = pairs.filter((p) => p.tie === kind && p.is_new);
      newTies[kind] = suppress(new Set(fresh.map((p) => `${p.a}|${p.b}`)).size, new Set(fresh.flatMap((p) => [p.a, p.b])).size, k);
    }

    // E-I per group and overall, on distinct ties (a pair counts once per pair of groups)
    const groupTies = new Map<string, { a: StakeholderGroup; b: StakeholderGroup }>();
    const groupMembers = new Map<StakeholderGroup, Set<string>>();
    for (const p of pairs) {
      groupTies.set(`${p.a}|${p.b}|${p.ga}|${p.gb}`, { a: p.ga, b: p.gb });
      for (const [m, g] of [[p.a, p.ga], [p.b, p.gb]] as const) {
        let set = groupMembers.get(g);
        if (!set) groupMembers.set(g, (set = new Set()));
        set.add(m);
      }
    }
    const ei = eiIndices([...groupTies.values()].map((t) => ({ groupA: t.a, groupB: t.b })));
    const groups: GroupFigures[] = (Object.entries(ei.byGroup) as Array<[StakeholderGroup, { external: number; internal: number; ei: number | null }]>)
      .map(([group, c]) => {
        const members = groupMembers.get(group)?.size ?? 0;
        return {
          group,
          members: suppress(members, members, k),
          external: suppress(c.external, members, k),
          internal: suppress(c.internal, members, k),
          ei: suppress(roundOrNull(c.ei), members, k),
        };
      })
      .sort((x, y) => x.group.localeCompare(y.group));

    const distinct = new Map<string, boolean>();
    for (const p of pairs) distinct.set(`${p.a}|${p.b}`, (distinct.get(`${p.a}|${p.b}`) ?? false) || p.la !== p.lb);
    const crossPairs = [...distinct.entries()].filter(([, cross]) => cross).map(([pair]) => pair.split('|'));

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
      series: series.map((b) => ({
        start: b.start,
        kinds: Object.fromEntries(TIE_KINDS.map((kind) => [kind, b.kinds[kind] ?? { ties: 0, weight: 0, share: 0 }])) as Record<TieKind, TieKindFigures>,
      })),
      groups,
      eiOverall: suppress(roundOrNull(ei.overall), all.members, k),
      // a share over all the period's ties describes all their members
      crossLanguageShare: suppress(distinct.size > 0 ? round(crossPairs.length / distinct.size) : 0, all.members, k),
      newTies,
      brokers: names
        ? findBrokers(pairs.map((p) => ({ a: names.get(p.a) ?? p.a, b: names.get(p.b) ?? p.b, groupA: p.ga, groupB: p.gb, weight: p.w }))).map((b) => ({
            pseudonym: b.member,
            group: b.group,
            betweenness: b.betweenness,
            groupsBridged: b.groupsBridged,
          }))
        : null,
    };
  }

  /** The network of the period: members by pseudonym (facilitators), or groups of at least k members (observers). */
  async network(labId: string, period: Period, view: 'members' | 'groups'): Promise<Network> {
    const settings = await this.settings.get(labId);
    const k = settings.kAnonymity;
    const [pairs, names] = await Promise.all([this.pairs(labId, period, settings.bondingRequiresSameLanguage), this.pseudonyms(labId)]);
    // one edge per pair: its strongest tie kind, all its weight
    const edges = new Map<string, NetworkEdge & { byKind: Map<TieKind, number> }>();
    const nodes = new Map<string, NetworkNode>();
    for (const p of pairs) {
      const id = `${p.a}|${p.b}`;
      let e = edges.get(id);
      if (!e) edges.set(id, (e = { source: p.a, target: p.b, kind: p.tie, weight: 0, interactions: 0, byKind: new Map() }));
      e.weight += p.w;
      e.interactions += p.n;
      e.byKind.set(p.tie, (e.byKind.get(p.tie) ?? 0) + p.w);
      for (const [m, g, t, l] of [[p.a, p.ga, p.ta, p.la], [p.b, p.gb, p.tb, p.lb]] as const) {
        const node = nodes.get(m) ?? { id: m, label: names.get(m) ?? '?', group: g, tier: t, language: l, strength: 0 };
        node.strength += p.w;
        nodes.set(m, node);
      }
    }
    const memberEdges = [...edges.values()].map(({ byKind, ...e }) => ({ ...e, weight: round(e.weight), kind: [...byKind.entries()].sort((x, y) => y[1] - x[1])[0]![0] }));
    if (view === 'members') {
      const ids = new Map([...nodes.keys()].map((m) => [m, names.get(m) ?? m]));
      return {
        view,
        nodes: [...nodes.values()].map((n) => ({ ...n, id: ids.get(n.id)!, strength: round(n.strength) })).sort((x, y) => x.id.localeCompare(y.id)),
        edges: memberEdges
          .map((e) => {
            const [source, target] = [ids.get(e.source)!, ids.get(e.target)!].sort();
            return { ...e, source: source!, target: target! };
          })
          .sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target)),
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
      edges: [...groupEdges.values()].sort((x, y) => x.source.localeCompare(y.source) || x.target.localeCompare(y.target) || x.kind.localeCompare(y.kind)),
      suppressed: members.size - shown.size,
    };
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

  private async pairs(labId: string, period: Period, rule: boolean): Promise<PairRow[]> {
    const f = this.filter(period, 5);
    return this.db.query(
      `SELECT g.a, g.b, g.tie, g.ga, g.gb, g.ta, g.tb, g.la, g.lb, g.w, g.n, (p.first_day BETWEEN $2::date AND $3::date) AS is_new
       FROM (
         SELECT e.member_a AS a, e.member_b AS b, ${TIE_SQL('$4::boolean')} AS tie, e.group_a AS ga, e.group_b AS gb,
                e.tier_a AS ta, e.tier_b AS tb, e.lang_a AS la, e.lang_b AS lb, sum(e.weight)::float8 AS w, count(*)::int AS n
         FROM interaction_events e WHERE ${f.sql}
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
       ) g
       JOIN activity_pairs p ON p.lab_id = $1 AND p.member_a = g.a AND p.member_b = g.b`,
      [labId, period.from, period.to, rule, ...f.params],
    );
  }

  private async series(labId: string, period: Period, rule: boolean): Promise<Array<{ start: string; kinds: Partial<Record<TieKind, TieKindFigures>> }>> {
    const f = this.filter(period, 6);
    const k = (await this.settings.get(labId)).kAnonymity;
    const rows: Array<{ start: string; tie: TieKind; ties: number; weight: number; members: number }> = await this.db.query(
      `WITH pb AS (
         SELECT date_trunc($5, e.day)::date AS start, e.member_a AS a, e.member_b AS b, ${TIE_SQL('$4::boolean')} AS tie, sum(e.weight)::float8 AS w
         FROM interaction_events e WHERE ${f.sql}
         GROUP BY 1, 2, 3, 4
       ),
       s AS (SELECT start, tie, count(*)::int AS ties, sum(w)::float8 AS weight FROM pb GROUP BY 1, 2),
       mm AS (SELECT start, tie, count(DISTINCT m)::int AS members FROM pb CROSS JOIN LATERAL (VALUES (pb.a), (pb.b)) v(m) GROUP BY 1, 2)
       SELECT s.start::text AS start, s.tie, s.ties, s.weight, mm.members FROM s JOIN mm USING (start, tie) ORDER BY s.start`,
      [labId, period.from, period.to, rule, period.bucket, ...f.params],
    );
    const buckets = new Map<string, { total: number; rows: typeof rows }>();
    for (const r of rows) {
      const b = buckets.get(r.start) ?? { total: 0, rows: [] };
      b.total += r.weight;
      b.rows.push(r);
      buckets.set(r.start, b);
    }
    return [...buckets.entries()].map(([start, b]) => ({
      start,
      kinds: Object.fromEntries(
        b.rows.map((r) => [r.tie, { ties: suppress(r.ties, r.members, k), weight: suppress(round(r.weight), r.members, k), share: suppress(b.total > 0 ? round(r.weight / b.total) : 0, r.members, k) }]),
      ),
    }));
  }
}

export const pseudonymOf = (seq: number) => `P${String(seq).padStart(3, '0')}`;
const round = (x: number) => Math.round(x * 1000) / 1000;
const roundOrNull = (x: number | null) => (x === null ? null : round(x));
