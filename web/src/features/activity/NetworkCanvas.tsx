/**
 * The network drawn with sigma (WebGL). Loaded on demand (React.lazy), so sigma and graphology stay out of the main
 * bundle. The container says when it has drawn: data-rendered="true" with data-nodes and data-edges (what e2e tests
 * and the benchmark wait for); data-rendered="false" when WebGL is unavailable.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma from 'sigma';
import { layerDashed, layerPlain, pathLine } from 'sigma/rendering';
import type { Network, NetworkNode } from '@relab/shared';
import { LARGE_NETWORK_EDGES } from './network.js';
import { TRANSPARENT, buildGraph, layoutGraph } from './networkGraph.js';

interface Props {
  network: Network;
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
  const [state, setState] = useState<DrawState>({ status: 'pending' });
  const failedRef = useRef(onFailed);
  failedRef.current = onFailed;
  const messages = useRef({ wheel: '', apple: '', touch: '' });
  messages.current = { wheel: t('activity.network.gestureWheel'), apple: t('activity.network.gestureAppleWheel'), touch: t('activity.network.gestureTouch') };

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const graph = buildGraph(network, labelOf);
    if (graph.order === 0) {
      setState({ status: 'rendered', nodes: 0, edges: 0 });
      return undefined;
    }
    layoutGraph(graph);
    let renderer: { kill: () => void } | null = null;
    try {
      // The constructor processes the graph and renders synchronously: once it returns, the network is drawn.
      renderer = new Sigma(graph, element, {
        primitives: { edges: EDGE_PRIMITIVES },
        settings: {
          renderLabels: true,
          // a small network shows every label; a large one only those of its stronger members
          labelRenderedSizeThreshold: graph.order <= 60 ? 0 : 8,
          labelGridCellSize: graph.order <= 60 ? 20 : 100,
          // On a phone one finger scrolls the page; two move the graph. Ctrl/⌘ + wheel zooms.
          gestureTarget: 'shared',
          sharedGestureWheelMessage: messages.current.wheel,
          sharedGestureAppleWheelMessage: messages.current.apple,
          sharedGestureTouchMessage: messages.current.touch,
          stagePadding: 24,
          // Node and edge sizes are screen pixels (see NODE_SIZE, EDGE_SIZE), whatever the spread of the layout.
          itemSizesReference: 'screen',
          renderEdgeLabels: false,
          // Thousands of edges redraw slowly (software WebGL): panning and zooming move the nodes only.
          hideEdgesOnMove: graph.size >= LARGE_NETWORK_EDGES,
        },
      });
      setState({ status: 'rendered', nodes: graph.order, edges: graph.size });
    } catch {
      // No WebGL 2 (or a shader the GPU refuses): the legend and the list of ties below still hold everything.
      renderer?.kill();
      renderer = null;
      setState({ status: 'failed' });
      failedRef.current?.();
    }
    return () => renderer?.kill();
  }, [network, labelOf]);

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
      />
      {rendered && state.nodes > 0 ? <p className="hint">{t('activity.network.zoomHint')}</p> : null}
    </>
  );
}
