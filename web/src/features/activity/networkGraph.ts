/**
 * The Network as a graphology graph with sigma's display attributes, laid out synchronously: a deterministic start
 * (groups on a circle) and a bounded number of ForceAtlas2 iterations. Loaded only with the network view.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Network, NetworkNode, StakeholderGroup, TieKind } from '@relab/shared';
import { GROUP_COLORS, TIE_LINE_STYLES, drawableEdges, edgeSize, initialPositions, layoutIterations, nodeSize, sizeScale } from './network.js';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  group: StakeholderGroup;
  strength: number;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  kind: TieKind;
  /** Interaction weight: thickness, and the weight ForceAtlas2 pulls with. */
  weight: number;
  /** Read by the edge layers (see NetworkCanvas): a solid edge fills `plainColor`, a dashed one leaves it transparent. */
  plainColor: string;
  dashSize: number;
  gapSize: number;
}

export type ActivityGraph = Graph<NodeAttributes, EdgeAttributes>;

export const TRANSPARENT = 'rgba(0,0,0,0)';

/** The display attributes shared by every edge of one kind (colour and line style), computed once. */
function kindStyle(kind: TieKind): Pick<EdgeAttributes, 'color' | 'plainColor' | 'dashSize' | 'gapSize'> {
  const style = TIE_LINE_STYLES[kind];
  const solid = style.dash === 0 || style.gap === 0;
  return { color: style.color, plainColor: solid ? style.color : TRANSPARENT, dashSize: solid ? 0 : style.dash, gapSize: solid ? 0 : style.gap };
}

/** An empty graph of the network's kind. Multi: a pair may have ties of two kinds in one period (a member changed group in between). */
export function emptyGraph(): ActivityGraph {
  return new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true, allowSelfLoops: false });
}

export function buildGraph(network: Pick<Network, 'nodes' | 'edges'>, labelOf: (node: NetworkNode) => string): ActivityGraph {
  const graph = emptyGraph();
  const positions = initialPositions(network.nodes);
  let maxStrength = 0;
  for (const node of network.nodes) if (node.strength > maxStrength) maxStrength = node.strength;
  const scale = sizeScale(network.nodes.length);
  for (const node of network.nodes) {
    if (graph.hasNode(node.id)) continue;
    const { x, y } = positions.get(node.id) ?? { x: 0, y: 0 };
    graph.addNode(node.id, {
      x,
      y,
      size: nodeSize(node.strength, maxStrength, scale),
      color: GROUP_COLORS[node.group] ?? '#666666',
      label: labelOf(node),
      group: node.group,
      strength: node.strength,
    });
  }
  const edges = drawableEdges(network);
  let maxWeight = 0;
  for (const edge of edges) if (edge.weight > maxWeight) maxWeight = edge.weight;
  const styles = new Map<TieKind, ReturnType<typeof kindStyle>>();
  edges.forEach((edge, i) => {
    let style = styles.get(edge.kind);
    if (!style) styles.set(edge.kind, (style = kindStyle(edge.kind)));
    // Keys by position: graphology's generated keys cost more than the rest of adding an edge.
    graph.addEdgeWithKey(`e${i}`, edge.source, edge.target, {
      size: edgeSize(edge.weight, maxWeight, scale),
      color: style.color,
      kind: edge.kind,
      weight: edge.weight,
      plainColor: style.plainColor,
      dashSize: style.dashSize,
      gapSize: style.gapSize,
    });
  });
  return graph;
}

/** Runs the bounded ForceAtlas2 layout in place; returns the number of iterations run. */
export function layoutGraph(graph: ActivityGraph): number {
  if (graph.order < 2) return 0;
  const iterations = layoutIterations(graph.order, graph.size);
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, adjustSizes: false },
  });
  return iterations;
}
