import { useTranslation } from 'react-i18next';
import { ACTIVITY_BUCKETS, LIFE_DOMAINS, type ActivityBucket, type LifeDomain, type SessionSummary } from '@relab/shared';
import { domainLabel } from '../reflections/labels.js';
import { dayLabel } from './dashboard.js';
import { PERIOD_PRESETS, withDate, withPeriod, type ActivityFilters, type DayRange, type Period } from './filters.js';
import type { FiltersUpdate } from './useActivityFilters.js';

interface Props {
  filters: ActivityFilters;
  range: DayRange;
  today: string;
  /** Past sessions of the lab; undefined while loading (the session filter then waits). */
  sessions: SessionSummary[] | undefined;
  onChange: (update: FiltersUpdate) => void;
}

const PERIODS: readonly Period[] = [...PERIOD_PRESETS, 'custom'];

/** Period (presets or dates), bucket, session and life domain. Each change applies at once and goes into the URL. */
export function ActivityFiltersForm({ filters, range, today, sessions, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const sessionKnown = !filters.sessionId || !sessions || sessions.some((s) => s.id === filters.sessionId);
  return (
    <form className="activity-filters" role="search" aria-label={t('activity.filters.title')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="activity-period">{t('activity.filters.period')}</label>
        <select
          id="activity-period"
          data-testid="activity-period"
          value={filters.period}
          onChange={(e) => {
            const period = e.target.value as Period;
            onChange((f, r) => withPeriod(f, period, r));
          }}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`activity.filters.presets.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-from">{t('activity.filters.from')}</label>
        <input
          id="activity-from"
          data-testid="activity-from"
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => {
            const day = e.target.value;
            onChange((f, r) => withDate(f, 'from', day, r));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="activity-to">{t('activity.filters.to')}</label>
        <input
          id="activity-to"
          data-testid="activity-to"
          type="date"
          value={range.to}
          min={range.from}
          max={today}
          onChange={(e) => {
            const day = e.target.value;
            onChange((f, r) => withDate(f, 'to', day, r));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="activity-bucket">{t('activity.filters.bucket')}</label>
        <select
          id="activity-bucket"
          data-testid="activity-bucket"
          value={filters.bucket}
          onChange={(e) => {
            const bucket = e.target.value as ActivityBucket;
            onChange((f) => ({ ...f, bucket }));
          }}
        >
          {ACTIVITY_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {t(`activity.filters.buckets.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-session">{t('activity.filters.session')}</label>
        <select
          id="activity-session"
          data-testid="activity-session"
          value={filters.sessionId ?? ''}
          onChange={(e) => {
            const sessionId = e.target.value || undefined;
            onChange((f) => ({ ...f, sessionId }));
          }}
        >
          <option value="">{t('activity.filters.allSessions')}</option>
          {/* A session from a shared link that is not (or no longer) in the list stays selectable, shown by its id. */}
          {!sessionKnown && filters.sessionId ? <option value={filters.sessionId}>{filters.sessionId}</option> : null}
          {(sessions ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title} · {dayLabel(s.startsAt.slice(0, 10), i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-domain">{t('activity.filters.lifeDomain')}</label>
        <select
          id="activity-domain"
          data-testid="activity-domain"
          value={filters.lifeDomain ?? ''}
          onChange={(e) => {
            const lifeDomain = (e.target.value || undefined) as LifeDomain | undefined;
            onChange((f) => ({ ...f, lifeDomain }));
          }}
        >
          <option value="">{t('activity.filters.allDomains')}</option>
          {LIFE_DOMAINS.map((d) => (
            <option key={d} value={d}>
              {domainLabel(d, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <p className="hint activity-range" aria-live="polite" data-testid="activity-range">
        {t('activity.filters.range', { from: dayLabel(range.from, i18n.language), to: dayLabel(range.to, i18n.language) })}
      </p>
    </form>
  );
}
