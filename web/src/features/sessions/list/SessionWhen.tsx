import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '@relab/shared';
import { formatSessionWhen, isoToZoned } from '../time.js';

/**
 * When a session takes place, in the member's language and time zone; when the session was planned in another
 * zone, its own clock time is added ("19:00 in Europe/Brussels") so nobody is unsure which time is meant.
 */
export function SessionWhen({ session, timeZone, testId }: { session: SessionSummary; timeZone: string; testId?: string }) {
  const { t, i18n } = useTranslation();
  const when = formatSessionWhen(session.startsAt, session.endsAt, i18n.language, timeZone);
  const own = session.timeZone !== timeZone ? isoToZoned(session.startsAt, session.timeZone) : null;
  return (
    <span className="session-when" data-testid={testId}>
      <time dateTime={session.startsAt}>
        <span className="session-when-date">{when.date}</span> <span className="session-when-time">{when.time}</span>
      </time>{' '}
      <span className="session-when-zone">{when.zone}</span>
      {own && own.time ? <span className="session-when-own"> {t('sessions.when.ownZone', { time: own.time, zone: session.timeZone })}</span> : null}
    </span>
  );
}

/** The session's status as a coloured label (text, not colour alone). */
export function SessionStatusBadge({ status, testId }: { status: SessionSummary['status']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-session-${status}`} data-testid={testId} data-status={status}>
      {t(`sessions.status.${status}`)}
    </span>
  );
}

/** Only web links become links (the server allows nothing else; this keeps a `javascript:` URL from ever being one). */
const isWebLink = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

/** Place and/or online link of a session. */
export function SessionPlace({ session, testIdPrefix }: { session: SessionSummary; testIdPrefix: string }) {
  const { t } = useTranslation();
  const onlineUrl = isWebLink(session.onlineUrl) ? session.onlineUrl : null;
  if (!session.location && !onlineUrl) return <span className="muted">{t('sessions.place.none')}</span>;
  return (
    <span className="session-place">
      {session.location ? (
        <span data-testid={`${testIdPrefix}-location`}>
          <span className="visually-hidden">{t('sessions.place.location')}: </span>
          {session.location}
        </span>
      ) : null}
      {session.location && onlineUrl ? ' · ' : null}
      {onlineUrl ? (
        <a href={onlineUrl} target="_blank" rel="noopener noreferrer" data-testid={`${testIdPrefix}-online-link`}>
          {t('sessions.place.online')}
          <span className="visually-hidden"> {t('sessions.newTab')}</span>
        </a>
      ) : null}
    </span>
  );
}
