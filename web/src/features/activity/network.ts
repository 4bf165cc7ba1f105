/**
 * How the network view draws a Network: colour per stakeholder group, size by strength, thickness by weight, the tie
 * kind as line style, a deterministic start layout and a bounded layout budget. Pure (no sigma, no graphology), so
 * the legend and the edge list use it without loading the renderer.
 */
import { MAX_DRAWN_EDGES, STAKEHOLDER_GROUPS, TIE_KINDS, type Network, type NetworkEdge, type NetworkNode, type StakeholderGroup, type TieKind } from '@relab/shared';

/** One colour per stakeholder group, told apart by hue and lightness (the legend and labels carry the name too). */
export const GROUP_COLORS: Record<StakeholderGroup, string> = {
  justice: '#1f4e99',
  corrections: '#6a3d9a',
  probation: '#3a9ad9',
  police: '#27313f',
  prevention: '#e69f00',
  social: '#009e73',
  health: '#cc79a7',
  religious: '#8c6d1f',
  civil_society: '#d55e00',
  research: '#8a8f98',
  family: '#b2182b',
  returnee: '#1b9e9e',
};

export interface LineStyle {
  /** Dash and gap in screen pixels for sigma's dashed layer; 0 and 0 is a solid line. */
  dash: number;
  gap: number;
  /** The same pattern as an SVG stroke-dasharray, for the legend (null: solid). */
  dasharray: string | null;
  /** Edge colour (the kind is also in the line style, so colour is never the only cue). */
  color: string;
}

/** Bonding solid, bridging dashed, linking dotted. */
export const TIE_LINE_STYLES: Record<TieKind, LineStyle> = {
  bonding: { dash: 0, gap: 0, dasharray: null, color: '#4a5260' },
  bridging: { dash: 9, gap: 6, dasharray: '9 6', color: '#1d4f91' },
  linking: { dash: 2, gap: 5, dasharray: '2 5', color: '#a35200' },
};

/** Node sizes (screen pixels): the strongest member is the largest; a node without strength still shows. */
export const NODE_SIZE = { min: 4, max: 18 } as const;
export const EDGE_SIZE = { min: 1, max: 7 } as const;

/**
 * Sizes shrink as the network grows, so 150 members still leave room between them: full size up to 30 nodes, then
 * with the square root of the count, to no less than 45 %.
 */
export function sizeScale(order: number): number {
  return order <= 30 ? 1 : Math.max(0.45, Math.sqrt(30 / order));
}

/** Area grows with the value (square root), so a few strong nodes do not dwarf everyone else. */
function scaled(value: number, max: number, range: { min: number; max: number }, scale: number): number {
  const min = Math.max(1, range.min * scale);
  if (!(max > 0) || !(value > 0)) return min;
  return min + (range.max * scale - min) * Math.sqrt(Math.min(value, max) / max);
}

export function nodeSize(strength: number, maxStrength: number, scale = 1): number {
  return scaled(strength, maxStrength, NODE_SIZE, scale);
}

export function edgeSize(weight: number, maxWeight: number, scale = 1): number {
  return scaled(weight, maxWeight, EDGE_SIZE, scale);
}

/** Groups present in a network, in the fixed order of STAKEHOLDER_GROUPS (legend and layout). */
export function groupsIn(nodes: readonly Pick<NetworkNode, 'group'>[]): StakeholderGroup[] {
  const present = new Set(nodes.map((n) => n.group));
  return STAKEHOLDER_GROUPS.filter((g) => present.has(g));
}

export function kindsIn(edges: readonly Pick<NetworkEdge, 'kind'>[]): TieKind[] {
  const present = new Set(edges.map((e) => e.kind));
  return TIE_KINDS.filter((k) => present.has(k));
}

export interface Point {
  x: number;
  y: number;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A deterministic start: the groups on a large circle, each group's nodes (by id) on a small circle around its place.
 * The same network always starts (and so ends) the same, and each group starts together.
 */
export function initialPositions(nodes: readonly Pick<NetworkNode, 'id' | 'group'>[]): Map<string, Point> {
  const groups = groupsIn(nodes);
  const byGroup = new Map<StakeholderGroup, string[]>();
  for (const n of nodes) {
    const ids = byGroup.get(n.group);
    if (ids) ids.push(n.id);
    else byGroup.set(n.group, [n.id]);
  }
  const positions = new Map<string, Point>();
  const bigRadius = groups.length > 1 ? 100 : 0;
  groups.forEach((group, g) => {
    const angle = (2 * Math.PI * g) / groups.length;
    const cx = bigRadius * Math.cos(angle);
    const cy = bigRadius * Math.sin(angle);
    const ids = (byGroup.get(group) ?? []).sort();
    const radius = ids.length > 1 ? 8 + 4 * Math.sqrt(ids.length) : 0;
    ids.forEach((id, i) => {
      const a = (2 * Math.PI * i) / ids.length + angle;
      positions.set(id, { x: round(cx + radius * Math.cos(a)), y: round(cy + radius * Math.sin(a)) });
    });
  });
  return positions;
}

/**
 * How many ForceAtlas2 iterations to run synchronously: about a constant amount of work (nodes² + edges per
 * iteration), between 15 and 150. A small network gets the full 150; 150 members with ~11,000 ties get about 30
 * (a few tens of milliseconds in a browser), which is enough from the grouped start (see initialPositions): the
 * drawing must not keep the page waiting.
 */
export const LAYOUT_ITERATIONS = { min: 15, max: 150, work: 1_000_000 } as const;
export function layoutIterations(order: number, size: number): number {
  const perIteration = Math.max(1, order * order + size);
  return Math.max(LAYOUT_ITERATIONS.min, Math.min(LAYOUT_ITERATIONS.max, Math.floor(LAYOUT_ITERATIONS.work / perIteration)));
}

/**
 * From this many drawn edges on, edges are hidden while the view pans or zooms (each frame redraws every edge; in
 * software WebGL a frame of 600 ties costs ~100 ms). Below MAX_DRAWN_EDGES, so a crowded lab's view uses it.
 */
export const LARGE_NETWORK_EDGES = 400;

/** At most this many ties are drawn, the strongest; the API sends no more (see shared). */
export { MAX_DRAWN_EDGES };

/** Edges between two drawn nodes (hidden nodes take their edges with them). */
export function validEdges(network: Pick<Network, 'nodes' | 'edges'>): NetworkEdge[] {
  const ids = new Set(network.nodes.map((n) => n.id));
  return network.edges.filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target));
}

/** The edges drawn: every valid edge, or the MAX_DRAWN_EDGES strongest (heaviest first, then by name). */
export function drawableEdges(network: Pick<Network, 'nodes' | 'edges'>, max = MAX_DRAWN_EDGES): NetworkEdge[] {
  const valid = validEdges(network);
  if (valid.length <= max) return valid;
  return valid
    .slice()
    // plain comparisons: localeCompare is a collator call, and thousands of ties share a weight
    .sort((x, y) => y.weight - x.weight || compareIds(x.source, y.source) || compareIds(x.target, y.target))
    .slice(0, max);
}

const compareIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export interface EdgeListItem {
  key: string;
  a: string;
  b: string;
  kind: TieKind;
  weight: number;
  interactions: number;
}

/**
 * The network as text, for keyboard and screen-reader users: one line per drawn edge ("A — B: linking, weight 3"),
 * by kind (bonding, bridging, linking), heaviest first, then by name.
 */
export function edgeListItems(network: Pick<Network, 'nodes' | 'edges'>, labelOf: (node: NetworkNode) => string): EdgeListItem[] {
  const nodes = new Map(network.nodes.map((n) => [n.id, n]));
  const items = drawableEdges(network).map((e, i) => {
    const [a, b] = [labelOf(nodes.get(e.source)!), labelOf(nodes.get(e.target)!)].sort((x, y) => x.localeCompare(y));
    return { key: `${e.source}|${e.target}|${e.kind}|${i}`, a: a!, b: b!, kind: e.kind, weight: e.weight, interactions: e.interactions };
  });
  const order = (k: TieKind) => TIE_KINDS.indexOf(k);
  return items.sort((x, y) => order(x.kind) - order(y.kind) || y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
