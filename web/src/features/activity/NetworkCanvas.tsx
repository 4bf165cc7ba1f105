/**
 * The network drawn with sigma (WebGL). Loaded on demand (React.lazy), so sigma and graphology stay out of the main
 * bundle. The container says when it has drawn: data-rendered="true" with data-nodes and data-edges (what e2e tests
 * and the benchmark wait for); data-rendered="false" while the network loads, and with data-error="webgl" when
 * WebGL is unavailable.
 *
 * The renderer is created as soon as the view opens, before the network arrives: creating the WebGL context and its
 * first frame cost about 300 ms in software WebGL (a computer without a graphics card), whatever the size of the
 * network, and that time is spent while the request is on its way. Each network is then put into the same renderer.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { layerDashed, layerPlain, pathLine } from 'sigma/rendering';
import type { Network, NetworkNode } from '@relab/shared';
import { LARGE_NETWORK_EDGES, TIE_LINE_STYLES } from './network.js';
import { TRANSPARENT, buildGraph, emptyGraph, layoutGraph, type EdgeAttributes, type NodeAttributes } from './networkGraph.js';

interface Props {
  /** Undefined while it loads: the renderer gets ready meanwhile. */
  network: Network | undefined;
  /** Stable (memoised): a new function redraws the network. */
  labelOf: (node: NetworkNode) => string;
  /** Called when the network cannot be drawn (no WebGL). */
  onFailed?: () => void;
}

type DrawState = { status: 'pending' } | { status: 'rendered'; nodes: number; edges: number } | { status: 'failed' };

/**
 * Every edge runs both layers: a solid edge fills `plainColor` and has no dash (the dashed layer is transparent); a
 * dashed or dotted edge has a transparent `plainColor`, so only its dashes show.
 *
 * Straight lines only: sigma's default paths add self-loops (which the graph does not allow), and every edge is then
 * drawn with the loop's vertex count (66 instead of 4); with ~11,000 edges that made each frame several times slower.
 */
const EDGE_PRIMITIVES = {
  paths: [pathLine()],
  variables: {
    plainColor: { type: 'color', default: TRANSPARENT },
    dashSize: { type: 'number', default: 0 },
    gapSize: { type: 'number', default: 0 },
  },
  layers: [
    layerPlain({ color: { attribute: 'plainColor', default: TRANSPARENT } }),
    layerDashed({
      dashColor: { attribute: 'color' },
      dashSize: { attribute: 'dashSize', default: 0, mode: 'pixels' },
      gapSize: { attribute: 'gapSize', default: 0, mode: 'pixels' },
      gapColor: 0,
    }),
  ],
} as const;

export default function NetworkCanvas({ network, labelOf, onFailed }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<DrawState>({ status: 'pending' });
  const failedRef = useRef(onFailed);
  failedRef.current = onFailed;
  const messages = useRef({ wheel: '', apple: '', touch: '' });
  messages.current = { wheel: t('activity.network.gestureWheel'), apple: t('activity.network.gestureAppleWheel'), touch: t('activity.network.gestureTouch') };

  const fail = () => {
    setState({ status: 'failed' });
    failedRef.current?.();
  };

  // The renderer, once, on an empty graph.
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let created: Sigma<NodeAttributes, EdgeAttributes> | null = null;
    try {
      created = new Sigma(warmUpGraph(), element, {
        primitives: { edges: EDGE_PRIMITIVES },
        settings: {
          renderLabels: true,
          // On a phone one finger scrolls the page; two move the graph. Ctrl/⌘ + wheel zooms.
          gestureTarget: 'shared',
          sharedGestureWheelMessage: messages.current.wheel,
          sharedGestureAppleWheelMessage: messages.current.apple,
          sharedGestureTouchMessage: messages.current.touch,
          stagePadding: 24,
          // Node and edge sizes are screen pixels (see NODE_SIZE, EDGE_SIZE), whatever the spread of the layout.
          itemSizesReference: 'screen',
          renderEdgeLabels: false,
        },
      });
      renderer.current = created;
      setReady(true);
    } catch {
      // No WebGL 2 (or a shader the GPU refuses): the legend and the list of ties below still hold everything.
      created?.kill();
      fail();
    }
    return () => {
      renderer.current = null;
      created?.kill();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; the messages are read at creation
  }, []);

  // Each network: a new graph, laid out, drawn at once (refresh() processes and renders synchronously).
  useEffect(() => {
    const sigma = renderer.current;
    if (!ready || !sigma) return;
    if (!network) {
      // the previous drawing goes while new filters load
      sigma.setGraph(emptyGraph());
      setState({ status: 'pending' });
      return;
    }
    try {
      const started = performance.now();
      const graph = buildGraph(network, labelOf);
      const built = performance.now();
      layoutGraph(graph);
      const laidOut = performance.now();
      sigma.setSettings({
        // a small network shows every label; a large one only those of its stronger members
        labelRenderedSizeThreshold: graph.order <= 60 ? 0 : 8,
        labelGridCellSize: graph.order <= 60 ? 20 : 100,
        // Thousands of edges redraw slowly (software WebGL): panning and zooming move the nodes only.
        hideEdgesOnMove: graph.size >= LARGE_NETWORK_EDGES,
      });
      sigma.setGraph(graph);
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      sigma.refresh();
      // the split of the drawing's time, for the benchmark (performance.getEntriesByType('measure'))
      performance.measure('relab:network-build', { start: started, end: built });
      performance.measure('relab:network-layout', { start: built, end: laidOut });
      performance.measure('relab:network-draw', { start: laidOut, end: performance.now() });
      setState({ status: 'rendered', nodes: graph.order, edges: graph.size });
    } catch {
      fail();
    }
  }, [ready, network, labelOf]);

  const rendered = state.status === 'rendered';
  return (
    <>
      {state.status === 'failed' ? (
        <p className="alert alert-warning" role="status" data-testid="activity-network-webgl">
          {t('activity.network.webgl')}
        </p>
      ) : null}
      <div
        ref={container}
        className={`activity-network-canvas${state.status === 'failed' ? ' is-failed' : ''}`}
        data-testid="activity-network"
        data-rendered={rendered ? 'true' : 'false'}
        data-nodes={rendered ? state.nodes : undefined}
        data-edges={rendered ? state.edges : undefined}
        data-error={state.status === 'failed' ? 'webgl' : undefined}
        role="img"
        aria-label={t('activity.network.canvasLabel')}
        aria-busy={state.status === 'pending'}
      />
      {rendered && state.nodes > 0 ? <p className="hint">{t('activity.network.zoomHint')}</p> : null}
    </>
  );
}

/**
 * Two invisible nodes and an invisible tie of each line style, drawn once when the renderer is created: software
 * WebGL compiles a shader the first time it draws with it (some 300 ms in all), so that happens while the network
 * is on its way rather than after it arrives.
 */
function warmUpGraph() {
  const graph = emptyGraph();
  const node = { size: 1, color: TRANSPARENT, label: '', group: 'family', strength: 0 } as const;
  graph.addNode('a', { ...node, x: 0, y: 0 });
  graph.addNode('b', { ...node, x: 1, y: 1 });
  (['bonding', 'bridging', 'linking'] as const).forEach((kind, i) => {
    const style = TIE_LINE_STYLES[kind];
    graph.addEdgeWithKey(`w${i}`, 'a', 'b', { size: 1, color: TRANSPARENT, kind, weight: 1, plainColor: TRANSPARENT, dashSize: style.dash, gapSize: style.gap });
  });
  return graph;
}
