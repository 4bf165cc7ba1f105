import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network, NetworkNode } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { numberFormat } from '../../lib/format.js';
import { GroupLegend, KindLegend, LineSample } from './Legends.js';
import { drawableEdges, edgeListItems, groupsIn, kindsIn } from './network.js';

// sigma and graphology are only loaded with the network view, not in the main bundle.
const NetworkCanvas = lazy(() => import('./NetworkCanvas.js'));

interface Props {
  network: Network | undefined;
  loading: boolean;
  error: unknown;
  k: number;
}

/** The network view: legends, the drawing (lazy, WebGL) and the same ties as a list for keyboard and screen readers. */
export function NetworkSection({ network, loading, error, k }: Props) {
  const { t, i18n } = useTranslation();
  // The list of ties is built when opened: a few thousand items are not worth rendering for nobody.
  const [listOpen, setListOpen] = useState(false);
  const labelOf = useCallback(
    (node: NetworkNode) => (network?.view === 'groups' ? t(`activity.groups.${node.group}`) : node.label),
    [network?.view, t],
  );
  const items = useMemo(() => (network && listOpen ? edgeListItems(network, labelOf) : []), [network, labelOf, listOpen]);
  const weight = numberFormat(i18n.language, { maximumFractionDigits: 1 });
  const drawn = useMemo(() => (network ? drawableEdges(network) : []), [network]);
  const drawnEdges = drawn.length;
  // the API sends the strongest ties when there are many; it says how many there are in all
  const allEdges = network?.edgesTotal ?? 0;

  return (
    <section aria-labelledby="activity-network-title" className="activity-section" data-testid="activity-network-section">
      <h2 id="activity-network-title">{t('activity.network.title')}</h2>
      {network ? <p className="hint">{network.view === 'groups' ? t('activity.network.groupsView', { k }) : t('activity.network.hint')}</p> : null}
      {loading && !network ? <Loading label={t('activity.network.loading')} /> : null}
      <ErrorAlert error={error} />
      {network ? (
        <>
          <div className="activity-legends">
            <GroupLegend groups={groupsIn(network.nodes)} />
            <KindLegend kinds={kindsIn(drawn)} />
          </div>
          <p className="hint" data-testid="activity-network-counts">
            {drawnEdges < allEdges
              ? t('activity.network.countsCapped', { nodes: network.nodes.length, edges: drawnEdges, total: allEdges })
              : t('activity.network.counts', { nodes: network.nodes.length, edges: drawnEdges })}
            {network.suppressed > 0 ? ` ${t('activity.network.suppressed', { k, count: network.suppressed })}` : null}
          </p>
        </>
      ) : null}
      {network && network.nodes.length === 0 ? (
        // Nothing to draw is drawn at once: the same signal as a drawn network, with zero counts.
        <div className="activity-network-empty" data-testid="activity-network" data-rendered="true" data-nodes={0} data-edges={0}>
          <p className="muted">{t('activity.network.noEdges')}</p>
        </div>
      ) : error ? null : (
        // Mounted while the network loads: the renderer gets ready meanwhile (see NetworkCanvas).
        <Suspense fallback={<Loading label={t('activity.network.loading')} />}>
          {/* Without a drawing, the list is the network: open it. */}
          <NetworkCanvas network={network} labelOf={labelOf} onFailed={() => setListOpen(true)} />
        </Suspense>
      )}
      {network ? (
        <details
          className="activity-table-details"
          data-testid="activity-edge-list"
          open={listOpen}
          onToggle={(e) => setListOpen(e.currentTarget.open)}
        >
          <summary>{t('activity.network.edgeList')}</summary>
          {!listOpen ? null : items.length === 0 ? (
            <p className="muted">{t('activity.network.noEdges')}</p>
          ) : (
            // Scrolls when long: focusable, so the keyboard can scroll it too.
            <ul className="activity-edge-list" tabIndex={0} aria-label={t('activity.network.edgeList')}>
              {items.map((item) => (
                <li key={item.key}>
                  <LineSample kind={item.kind} width={28} />
                  <span>{t('activity.network.edgeItem', { a: item.a, b: item.b, kind: t(`activity.kinds.${item.kind}`), weight: weight.format(item.weight) })}</span>
                </li>
              ))}
            </ul>
          )}
        </details>
      ) : null}
    </section>
  );
}
