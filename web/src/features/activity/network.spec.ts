import { describe, expect, test } from '@jest/globals';
import { STAKEHOLDER_GROUPS, type Network, type NetworkNode } from '@relab/shared';
import {
  EDGE_SIZE,
  GROUP_COLORS,
  LARGE_NETWORK_EDGES,
  LAYOUT_ITERATIONS,
  NODE_SIZE,
  TIE_LINE_STYLES,
  drawableEdges,
  MAX_DRAWN_EDGES,
  validEdges,
  edgeListItems,
  edgeSize,
  groupsIn,
  initialPositions,
  kindsIn,
  layoutIterations,
  nodeSize,
  sizeScale,
} from './network.js';
import { TRANSPARENT, buildGraph, layoutGraph } from './networkGraph.js';

const node = (id: string, group: NetworkNode['group'], strength = 1, tier: NetworkNode['tier'] = 2): NetworkNode => ({
  id, label: id.toUpperCase(), group, tier, language: 'nl', strength,
});

// Only what the drawing reads (the rest of a Network, e.g. brokers, does not matter here).
const network: Pick<Network, 'view' | 'nodes' | 'edges' | 'suppressed'> = {
  view: 'members',
  nodes: [node('a', 'social', 6), node('b', 'social', 3), node('c', 'police', 4, 3), node('d', 'family', 1, 1)],
  edges: [
    { source: 'a', target: 'b', kind: 'bonding', weight: 3, interactions: 1 },
    { source: 'a', target: 'c', kind: 'linking', weight: 2, interactions: 2 },
    { source: 'b', target: 'd', kind: 'linking', weight: 0.5, interactions: 1 },
    { source: 'c', target: 'x', kind: 'bridging', weight: 9, interactions: 4 },
  ],
  suppressed: 1,
};

describe('appearance', () => {
  test('every stakeholder group has its own colour', () => {
    const colors = STAKEHOLDER_GROUPS.map((g) => GROUP_COLORS[g]);
    expect(colors.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    expect(new Set(colors).size).toBe(STAKEHOLDER_GROUPS.length);
  });
  test('bonding is solid, bridging dashed, linking dotted, all three different', () => {
    expect(TIE_LINE_STYLES.bonding.dasharray).toBeNull();
    expect(TIE_LINE_STYLES.bonding.dash).toBe(0);
    expect(TIE_LINE_STYLES.bridging.dash).toBeGreaterThan(TIE_LINE_STYLES.linking.dash);
    expect(TIE_LINE_STYLES.linking.gap).toBeGreaterThan(TIE_LINE_STYLES.linking.dash);
    expect(TIE_LINE_STYLES.bridging.dasharray).not.toBe(TIE_LINE_STYLES.linking.dasharray);
  });
  test('sizes grow with strength and weight, within bounds', () => {
    expect(nodeSize(0, 10)).toBe(NODE_SIZE.min);
    expect(nodeSize(10, 10)).toBe(NODE_SIZE.max);
    expect(nodeSize(2.5, 10)).toBeCloseTo(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * 0.5);
    expect(edgeSize(1, 4)).toBeCloseTo(EDGE_SIZE.min + (EDGE_SIZE.max - EDGE_SIZE.min) * 0.5);
    expect(edgeSize(5, 0)).toBe(EDGE_SIZE.min);
  });
  test('sizes shrink in a large network, never below 1 px', () => {
    expect(sizeScale(30)).toBe(1);
    expect(sizeScale(120)).toBe(0.5);
    expect(sizeScale(10_000)).toBe(0.45);
    expect(nodeSize(10, 10, 0.5)).toBe(NODE_SIZE.max / 2);
    expect(edgeSize(0, 10, 0.5)).toBe(1);
  });
  test('legends list what is present, in the fixed order', () => {
    expect(groupsIn(network.nodes)).toEqual(['police', 'social', 'family']);
    expect(kindsIn(network.edges)).toEqual(['bonding', 'bridging', 'linking']);
  });
});

describe('layout', () => {
  test('the start is deterministic, whatever the order of the nodes', () => {
    const one = initialPositions(network.nodes);
    const two = initialPositions([...network.nodes].reverse());
    expect([...one.entries()].sort()).toEqual([...two.entries()].sort());
  });
  test('groups start apart, members of one group together', () => {
    const p = initialPositions(network.nodes);
    const dist = (u: string, v: string) => Math.hypot(p.get(u)!.x - p.get(v)!.x, p.get(u)!.y - p.get(v)!.y);
    expect(dist('a', 'b')).toBeLessThan(dist('a', 'c'));
    expect(dist('a', 'b')).toBeGreaterThan(0);
    expect(p.get('c')).toEqual({ x: 100, y: 0 });
  });
  test('the iteration budget shrinks with the graph and stays within bounds', () => {
    expect(layoutIterations(4, 3)).toBe(LAYOUT_ITERATIONS.max);
    expect(layoutIterations(60, 300)).toBe(LAYOUT_ITERATIONS.max);
    expect(layoutIterations(150, 3000)).toBe(39);
    // a lab of 150 with nearly every pair tied: a few tens of milliseconds of layout, not hundreds
    expect(layoutIterations(147, 10_700)).toBe(30);
    expect(layoutIterations(150, 11_175)).toBe(29);
    expect(layoutIterations(300, 5000)).toBe(LAYOUT_ITERATIONS.min);
    expect(layoutIterations(1000, 50_000)).toBe(LAYOUT_ITERATIONS.min);
    expect(layoutIterations(0, 0)).toBe(LAYOUT_ITERATIONS.max);
  });
  test('the budget never grows with the graph', () => {
    let previous = Infinity;
    for (let order = 1; order <= 400; order += 7) {
      const iterations = layoutIterations(order, (order * (order - 1)) / 2);
      expect(iterations).toBeLessThanOrEqual(previous);
      previous = iterations;
    }
  });
  test('a large network hides its edges while moving; a small one does not', () => {
    expect(LARGE_NETWORK_EDGES).toBeGreaterThan(100);
    expect(LARGE_NETWORK_EDGES).toBeLessThanOrEqual(10_000);
    // a crowded lab draws MAX_DRAWN_EDGES ties: its view must hide them while moving
    expect(LARGE_NETWORK_EDGES).toBeLessThanOrEqual(MAX_DRAWN_EDGES);
  });
});

describe('edges', () => {
  test('an edge to a node left out (k-anonymity) is not drawn', () => {
    expect(drawableEdges(network).map((e) => e.kind)).toEqual(['bonding', 'linking', 'linking']);
  });
  test('a crowded network draws only its strongest ties, heaviest first, and says how many there are in all', () => {
    const nodes = Array.from({ length: 60 }, (_, i) => ({ id: `P${i}`, label: `P${i}`, group: 'social' as const, tier: 2 as const, language: 'nl' as const, strength: 1 }));
    const edges = [];
    for (let a = 0; a < 60; a++) for (let b = a + 1; b < 60; b++) edges.push({ source: `P${a}`, target: `P${b}`, kind: 'bonding' as const, weight: (a * 60 + b) % 97, interactions: 1 });
    const crowded = { nodes, edges };
    expect(validEdges(crowded)).toHaveLength(1770);
    const drawn = drawableEdges(crowded, 100);
    expect(drawn).toHaveLength(100);
    const lightestDrawn = Math.min(...drawn.map((e) => e.weight));
    expect(edges.filter((e) => e.weight > lightestDrawn).every((e) => drawn.includes(e))).toBe(true);
    expect(drawableEdges(crowded)).toHaveLength(Math.min(1770, MAX_DRAWN_EDGES));
    expect(MAX_DRAWN_EDGES).toBeLessThan(5000);
  });
  test('the text list: by kind, heaviest first, names in order', () => {
    const items = edgeListItems(network, (n) => n.label);
    expect(items.map((i) => `${i.a} — ${i.b}: ${i.kind}, ${i.weight}`)).toEqual(['A — B: bonding, 3', 'A — C: linking, 2', 'B — D: linking, 0.5']);
  });
});

describe('the graph sigma draws', () => {
  const graph = buildGraph(network, (n) => n.label);
  test('has the drawable nodes and edges', () => {
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(3);
  });
  test('nodes carry colour by group, size by strength and the label', () => {
    expect(graph.getNodeAttributes('a')).toMatchObject({ color: GROUP_COLORS.social, size: NODE_SIZE.max, label: 'A', group: 'social' });
    expect(graph.getNodeAttribute('d', 'size')).toBeLessThan(graph.getNodeAttribute('c', 'size'));
  });
  test('a solid edge fills its plain colour; a dashed one leaves it transparent and sets the dash', () => {
    const edge = (s: string, t: string) => graph.getEdgeAttributes(graph.edges(s, t)[0]!);
    expect(edge('a', 'b')).toMatchObject({ kind: 'bonding', plainColor: TIE_LINE_STYLES.bonding.color, dashSize: 0, gapSize: 0, size: EDGE_SIZE.max });
    expect(edge('a', 'c')).toMatchObject({ kind: 'linking', plainColor: TRANSPARENT, dashSize: TIE_LINE_STYLES.linking.dash, gapSize: TIE_LINE_STYLES.linking.gap });
  });
  test('edges of one kind share their style; sizes follow the weight', () => {
    const big = buildGraph(
      {
        nodes: [node('a', 'social', 1), node('b', 'social', 1), node('c', 'police', 1, 3)],
        edges: [
          { source: 'a', target: 'b', kind: 'bridging', weight: 4, interactions: 1 },
          { source: 'a', target: 'c', kind: 'bridging', weight: 1, interactions: 1 },
          { source: 'b', target: 'c', kind: 'bonding', weight: 0, interactions: 1 },
          // the same pair with another kind (a member changed group): both drawn
          { source: 'a', target: 'b', kind: 'linking', weight: 1, interactions: 1 },
        ],
      },
      (n) => n.label,
    );
    expect(big.size).toBe(4);
    const attrs = big.mapEdges((_, a) => a);
    expect(attrs.map((a) => a.kind)).toEqual(['bridging', 'bridging', 'bonding', 'linking']);
    expect(attrs[0]).toMatchObject({ color: TIE_LINE_STYLES.bridging.color, plainColor: TRANSPARENT, dashSize: TIE_LINE_STYLES.bridging.dash, gapSize: TIE_LINE_STYLES.bridging.gap });
    expect(attrs[1]).toMatchObject({ color: TIE_LINE_STYLES.bridging.color, plainColor: TRANSPARENT, dashSize: TIE_LINE_STYLES.bridging.dash });
    expect(attrs[2]).toMatchObject({ plainColor: TIE_LINE_STYLES.bonding.color, dashSize: 0, gapSize: 0, size: EDGE_SIZE.min });
    expect(attrs[0]!.size).toBe(EDGE_SIZE.max);
    expect(attrs[1]!.size).toBeLessThan(attrs[0]!.size);
    expect(big.edges('a', 'b')).toHaveLength(2);
  });
  test('the layout moves nodes to finite positions, the same every time', () => {
    const g1 = buildGraph(network, (n) => n.label);
    const g2 = buildGraph(network, (n) => n.label);
    expect(layoutGraph(g1)).toBe(LAYOUT_ITERATIONS.max);
    layoutGraph(g2);
    const xs = g1.mapNodes((_, a) => [a.x, a.y]).flat();
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(g1.mapNodes((_, a) => [a.x, a.y])).toEqual(g2.mapNodes((_, a) => [a.x, a.y]));
    expect(g1.getNodeAttributes('a').x).not.toBe(initialPositions(network.nodes).get('a')!.x);
  });
  // Timing belongs to the benchmark: under Jest's VM sandbox ForceAtlas2 runs ~20x slower than in a browser.
  test('150 nodes and 3000 edges: every node placed, with the budgeted number of iterations', () => {
    const groups = STAKEHOLDER_GROUPS;
    const nodes = Array.from({ length: 150 }, (_, i) => node(`n${i}`, groups[i % groups.length]!, 1 + (i % 7)));
    const edges = Array.from({ length: 3000 }, (_, i) => ({
      source: `n${i % 150}`,
      target: `n${(i * 7 + 1 + Math.floor(i / 150)) % 150}`,
      kind: (['bonding', 'bridging', 'linking'] as const)[i % 3]!,
      weight: 1 + (i % 5),
      interactions: 1,
    })).filter((e) => e.source !== e.target);
    const g = buildGraph({ nodes, edges }, (n) => n.label);
    expect(g.order).toBe(150);
    // the strongest MAX_DRAWN_EDGES of them are drawn
    expect(g.size).toBe(Math.min(edges.length, MAX_DRAWN_EDGES));
    expect(layoutGraph(g)).toBe(layoutIterations(150, g.size));
    expect(g.mapNodes((_, a) => [a.x, a.y]).flat().every(Number.isFinite)).toBe(true);
  });
});
