import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { labelColors } from '../../../editor/caretColors.js';
import { peoplePerUser } from '../presence.js';
import { usePeers } from '../usePeers.js';

interface Props {
  awareness: Awareness;
  me: { id: string; name: string; color: string };
  following: string | null;
  onFollow: (userId: string | null) => void;
}

/** Who is on the board now, each with a "Follow" button (my view then follows theirs until I move it myself). */
export const BoardPresence = memo(function BoardPresence({ awareness, me, following, onFollow }: Props) {
  const { t } = useTranslation();
  const peers = usePeers(awareness, me.id);
  const people = useMemo(() => peoplePerUser(peers), [peers]);
  return (
    <section className="presence board-presence" aria-labelledby="board-presence-title" data-testid="collab-presence">
      <h2 id="board-presence-title" className="h3">
        {t('collab.presence')}
      </h2>
      <ul className="board-presence-list">
        <li data-testid="presence-person" data-me="true" translate="no">
          <span className="presence-dot" aria-hidden="true" style={{ backgroundColor: labelColors(me.color).background }} />
          {t('collab.you', { name: me.name })}
        </li>
        {people.map((p) => {
          const on = following === p.userId;
          return (
            <li key={p.userId} data-testid="presence-person" data-user-id={p.userId}>
              <span className="presence-dot" aria-hidden="true" style={{ backgroundColor: labelColors(p.color).background }} />
              <span translate="no" className="board-presence-name">
                {p.name}
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                data-testid="follow"
                aria-pressed={on}
                disabled={!p.viewport && !on}
                onClick={() => onFollow(on ? null : p.userId)}
              >
                {on ? t('boards.follow.stop') : t('boards.follow.start')}
                <span className="visually-hidden"> {p.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {people.length === 0 ? <p className="muted">{t('collab.presenceNone')}</p> : null}
      {following ? (
        <p className="hint" role="status">
          {t('boards.follow.hint')}
        </p>
      ) : null}
    </section>
  );
});
