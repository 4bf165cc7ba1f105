import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@relab/shared';
import { refPath } from '../agenda.js';

/**
 * Shown when the facilitator brings everyone to an item: which one, and — when it points at a reflection, board
 * or dialogue — a prominent "Go there" link. The link opens a new tab: nobody is pulled out of the room (its
 * presence, hands and notes) without choosing to.
 */
export function BringNotice({ labId, item, onDismiss }: { labId: string; item: AgendaItem; onDismiss: () => void }) {
  const { t } = useTranslation();
  const path = item.refTitle ? refPath(labId, item.kind, item.refId) : null;
  return (
    <div className="alert alert-info bring-notice" data-testid="bring-notice" data-item-id={item.id}>
      <p className="alert-title">{t('sessions.bring.title', { title: item.title })}</p>
      <div className="button-row">
        {path ? (
          <Link className="button" to={path} target="_blank" rel="noopener" data-testid="bring-go-there">
            {t(`sessions.bring.goThere.${item.kind}`, { title: item.refTitle })}
            <span className="visually-hidden"> {t('sessions.newTab')}</span>
          </Link>
        ) : null}
        <button type="button" className="button button-secondary" data-testid="bring-dismiss" onClick={onDismiss}>
          {t('sessions.bring.dismiss')}
        </button>
      </div>
    </div>
  );
}
