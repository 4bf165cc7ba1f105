import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';
import type { StakeholderGroup } from '@relab/shared';

// graphology-metrics is CommonJS: its function is module.exports
const betweennessCentrality = createRequire(import.meta.url)('graphology-metrics/centrality/betweenness') as (
  graph: UndirectedGraph,
  options: { normalized: boolean },
) => Record<string, number>;

export interface PairTie {
  a: string;
  b: string;
  groupA: StakeholderGroup;
  groupB: StakeholderGroup;
  weight: number;
}

export interface BrokerFigure {
  member: string;
  group: StakeholderGroup;
  betweenness: number;
  groupsBridged: number;
}

/**
 * Brokers: members on shortest paths (betweenness > 0) who tie together groups that have no other tie between them
 * in the period, ranked by their
 * normalised betweenness centrality (graphology-metrics, on the unweighted graph of distinct ties: a broker is
 * about who lies on the shortest paths, not about how often they talk).
 */
export function findBrokers(ties: PairTie[], limit = 10): BrokerFigure[] {
  const graph = new UndirectedGraph();
  const groupOf = new Map<string, StakeholderGroup>();
  const key = (x: StakeholderGroup, y: StakeholderGroup) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  for (const t of ties) {
    if (t.a === t.b) continue;
    groupOf.set(t.a, t.groupA);
    groupOf.set(t.b, t.groupB);
    graph.mergeNode(t.a);
    graph.mergeNode(t.b);
    graph.mergeEdge(t.a, t.b);
  }
  if (graph.order === 0) return [];
  // ties between each two groups, over the whole graph
  const between = new Map<string, number>();
  graph.forEachEdge((_e, _attr, s, t) => {
    const gs = groupOf.get(s)!;
    const gt = groupOf.get(t)!;
    if (gs !== gt) between.set(key(gs, gt), (between.get(key(gs, gt)) ?? 0) + 1);
  });
  // first the members who are the only tie between two groups (cheap); betweenness only when there are any
  const candidates: Array<{ node: string; own: StakeholderGroup; bridged: number }> = [];
  graph.forEachNode((node) => {
    const own = groupOf.get(node)!;
    // the member's own ties between groups, and the groups they reach (their own included)
    const mine = new Map<string, number>();
    const reached = new Set<StakeholderGroup>([own]);
    graph.forEachNeighbor(node, (n) => {
      const g = groupOf.get(n)!;
      reached.add(g);
      if (g !== own) mine.set(key(own, g), (mine.get(key(own, g)) ?? 0) + 1);
    });
    const list = [...reached];
    const bridged = new Set<StakeholderGroup>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const k = key(list[i]!, list[j]!);
        // the two groups meet only through this member: no tie between them that is not theirs
        if ((between.get(k) ?? 0) - (mine.get(k) ?? 0) === 0) {
          bridged.add(list[i]!);
          bridged.add(list[j]!);
        }
      }
    }
    if (bridged.size >= 2) candidates.push({ node, own, bridged: bridged.size });
  });
  if (candidates.length === 0) return [];
  const centrality = betweennessCentrality(graph, { normalized: true });
  const out: BrokerFigure[] = [];
  // a member on no shortest path (a leaf) brokers nothing, even as the only tie of their group
  for (const c of candidates) {
    if ((centrality[c.node] ?? 0) > 0) out.push({ member: c.node, group: c.own, betweenness: round(centrality[c.node]!), groupsBridged: c.bridged });
  }
  return out.sort((x, y) => y.betweenness - x.betweenness || y.groupsBridged - x.groupsBridged || x.member.localeCompare(y.member)).slice(0, limit);
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
