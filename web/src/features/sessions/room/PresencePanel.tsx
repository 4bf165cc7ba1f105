import { useTranslation } from 'react-i18next';
import type { PresentMember } from '@relab/shared';
import type { LiveStatus } from '../../../live/useLiveTopic.js';
import { sortPresence } from '../live.js';

/**
 * Who is in the room now (families and returnees by pseudonym, as the server names them), with their role.
 * Kept by the server across reconnects; someone whose tab closes leaves after a short grace.
 */
export function PresencePanel({ members, myMemberId, connection }: { members: PresentMember[]; myMemberId: string; connection: LiveStatus }) {
  const { t, i18n } = useTranslation();
  const people = sortPresence(members, myMemberId, i18n.language);
  return (
    <section className="side-panel session-presence" aria-labelledby="session-presence-title" data-testid="session-presence" data-count={people.length}>
      <h2 id="session-presence-title" className="h3">
        {t('sessions.presence.title', { count: people.length })}
      </h2>
      {connection !== 'live' ? (
        <p className="muted" role="status" data-testid="session-connection" data-status={connection}>
          {t(`sessions.presence.connection.${connection}`)}
        </p>
      ) : null}
      {people.length === 0 && connection === 'live' ? <p className="muted">{t('sessions.presence.none')}</p> : null}
      <ul className="session-presence-list">
        {people.map((p) => (
          <li key={p.memberId} data-testid="session-presence-person" data-member-id={p.memberId} data-role={p.role}>
            <span className="session-presence-name" translate="no">
              {p.memberId === myMemberId ? t('collab.you', { name: p.displayName }) : p.displayName}
            </span>
            <span className="session-presence-role">{t(`roles.${p.role}`, { defaultValue: p.role })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
