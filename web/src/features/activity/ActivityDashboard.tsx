import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivitySettings, Broker, Dashboard, Lab, Network, SessionSummary } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { useApiQuery } from '../../lib/useApiQuery.js';
import { sessionsApi } from '../sessions/api.js';
import { ActivityFiltersForm } from './ActivityFiltersForm.js';
import { activityApi, activityLinks } from './api.js';
import { BrokersTable } from './BrokersTable.js';
import { isEmptyPeriod } from './dashboard.js';
import { queryString, toQuery } from './filters.js';
import { GroupsTable } from './GroupsTable.js';
import { NetworkSection } from './NetworkSection.js';
import { RulePanel } from './RulePanel.js';
import { TotalsPanel } from './TotalsPanel.js';
import { TrendChart } from './TrendChart.js';
import { useActivityFilters } from './useActivityFilters.js';
import './activity.css';

/** True from the frame after `condition` became true (false again as soon as it is false). */
function useAfterNextFrame(condition: boolean): boolean {
  const [due, setDue] = useState(false);
  useEffect(() => {
    if (!condition) {
      setDue(false);
      return undefined;
    }
    // the drawing happens in this commit's effects; the frame after the next one has it on screen
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setDue(true))));
    return () => cancelAnimationFrame(frame);
  }, [condition]);
  return due;
}

/** A request not sent yet: its query stays loading until its inputs are known. */
const notYet = <T,>() => new Promise<T>(() => undefined);

/**
 * The activity dashboard of a lab (facilitators and observers): filters, totals, the trend, per-group figures,
 * brokers (facilitators), the network, the rule and its settings, and the downloads (facilitators).
 *
 * Shown while the lab itself still loads (`lab` undefined): the figures and the network are asked for at once, in
 * parallel with the lab; only the period "since the start" waits for the lab's first day.
 */
export function ActivityDashboard({ labId, lab }: { labId: string; lab: Lab | undefined }) {
  const { t } = useTranslation();
  const facilitator = lab?.myRole === 'facilitator';
  const { filters, range, today, update } = useActivityFilters(lab?.createdAt.slice(0, 10));
  const query = useMemo(() => toQuery(filters, range), [filters, range]);
  const key = queryString(query);
  const ready = filters.period !== 'all' || lab !== undefined;

  const settings = useApiQuery<ActivitySettings>(() => activityApi.settings(labId), [labId]);
  const dashboard = useApiQuery<Dashboard>(() => (ready ? activityApi.dashboard(labId, query) : notYet()), [labId, key, ready]);
  const network = useApiQuery<Network>(() => (ready ? activityApi.network(labId, query) : notYet()), [labId, key, ready]);
  // brokers need the whole network's shortest paths: their own request, sent once the network is in and its
  // first frame is on screen, so neither the figures nor the drawing wait for it or share the machine with it
  const networkIn = Boolean(network.data) && !network.loading;
  const brokersDue = useAfterNextFrame(networkIn);
  const brokers = useApiQuery<Broker[] | null>(
    () => (facilitator && brokersDue ? activityApi.brokers(labId, query) : Promise.resolve(null)),
    [labId, key, facilitator, brokersDue],
  );
  const sessions = useApiQuery<SessionSummary[]>(() => sessionsApi.list(labId, 'past'), [labId]);
  // While new filters load, the previous figures stay (dimmed, aria-busy); after a failed load none are shown.
  const data = dashboard.error ? undefined : dashboard.data;
  const k = data?.kAnonymity ?? settings.data?.kAnonymity ?? 0;

  function settingsSaved(next: ActivitySettings) {
    settings.setData(next);
    dashboard.reload();
    network.reload();
    brokers.reload();
  }

  return (
    <div className="activity" data-testid="activity-dashboard">
      <ActivityFiltersForm filters={filters} range={range} today={today} sessions={sessions.data} onChange={update} />

      {dashboard.loading ? <Loading /> : null}
      <ErrorAlert error={dashboard.error} />
      {data ? (
        <div className={dashboard.loading ? 'activity-figures-block is-stale' : 'activity-figures-block'} aria-busy={dashboard.loading}>
          {isEmptyPeriod(data) ? (
            <p className="alert alert-warning" role="status" data-testid="activity-empty">
              {t('activity.empty')}
            </p>
          ) : null}
          <TotalsPanel dashboard={data} />
          <TrendChart dashboard={data} />
          <GroupsTable groups={data.groups} k={data.kAnonymity} />
          {brokers.data ? <BrokersTable brokers={brokers.data} /> : null}
        </div>
      ) : null}

      {/* While a network loads the previous drawing goes, so data-rendered always describes the current filters. */}
      <NetworkSection network={network.loading || network.error ? undefined : network.data} loading={network.loading} error={network.error} k={k} />

      <ErrorAlert error={settings.error} />
      {settings.data ? <RulePanel labId={labId} settings={settings.data} canEdit={facilitator} onSaved={settingsSaved} /> : null}

      {facilitator ? (
        <section aria-labelledby="activity-exports-title" className="activity-section card">
          <h2 id="activity-exports-title">{t('activity.exports.title')}</h2>
          <p className="hint">{t('activity.exports.hint')}</p>
          <div className="button-row">
            <a className="button button-secondary" href={activityLinks.eventsCsv(labId, range)} download data-testid="activity-export-csv">
              {t('activity.exports.csv')}
            </a>
            <a className="button button-secondary" href={activityLinks.networkGraphml(labId, range)} download data-testid="activity-export-graphml">
              {t('activity.exports.graphml')}
            </a>
          </div>
        </section>
      ) : null}
    </div>
  );
}
