import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { labelColors } from '../../editor/caretColors.js';

interface Person {
  key: string;
  name: string;
  color: string;
  me: boolean;
}

/** The people whose editor is open on this document now, from awareness (one entry per user, not per tab). */
function peopleOf(awareness: Awareness): Person[] {
  const byKey = new Map<string, Person>();
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') return;
    const me = clientId === awareness.clientID;
    const key = typeof user.id === 'string' ? user.id : `client-${clientId}`;
    if (!byKey.has(key) || me) byKey.set(key, { key, name: user.name, color: typeof user.color === 'string' ? user.color : '', me });
  });
  return [...byKey.values()].sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name));
}

export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Person[]>(() => peopleOf(awareness));
  useEffect(() => {
    const update = () => setPeople(peopleOf(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  const others = people.filter((p) => !p.me);
  return (
    <section className="presence" aria-labelledby="presence-title" data-testid="collab-presence">
      <h2 id="presence-title" className="h3">
        {t('collab.presence')}
      </h2>
      {others.length === 0 ? <p className="muted">{t('collab.presenceNone')}</p> : null}
      <ul className="presence-list">
        {people.map((p) => {
          const colors = labelColors(p.color);
          return (
            <li key={p.key} data-testid="presence-person" translate="no">
              <span className="presence-dot" aria-hidden="true" style={{ backgroundColor: colors.background }} />
              {p.me ? t('collab.you', { name: p.name }) : p.name}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
