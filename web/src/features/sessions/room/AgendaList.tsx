import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@relab/shared';
import { refPath, totalMinutes } from '../agenda.js';

export interface AgendaControls {
  onSetCurrent: (itemId: string) => void;
  onBring: (itemId: string) => void;
  pending: boolean;
}

interface Props {
  labId: string;
  items: AgendaItem[];
  currentItemId?: string | null;
  coveredItemIds?: readonly string[];
  /** The item everyone was just brought to (highlighted). */
  broughtItemId?: string | null;
  /** Facilitators in a live session. */
  controls?: AgendaControls;
  /** In the live room, links open in a new tab so nobody leaves the room (and its presence) by following them. */
  linksInNewTab?: boolean;
}

export const agendaItemElementId = (itemId: string) => `agenda-item-${itemId}`;

/** The agenda as everyone sees it: timed items, the current one marked, what each points at. */
export function AgendaList({ labId, items, currentItemId = null, coveredItemIds = [], broughtItemId = null, controls, linksInNewTab }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <p className="muted" data-testid="agenda-list-empty">
        {t('sessions.agenda.none')}
      </p>
    );
  }
  return (
    <>
      <p className="hint" data-testid="agenda-list-total">
        {t('sessions.agenda.totalPlain', { total: totalMinutes(items) })}
      </p>
      <ol className="agenda-list" data-testid="agenda-list">
        {items.map((item, index) => {
          const current = item.id === currentItemId;
          const covered = coveredItemIds.includes(item.id);
          const brought = item.id === broughtItemId;
          const path = refPath(labId, item.kind, item.refId);
          const titleId = `${agendaItemElementId(item.id)}-title`;
          return (
            <li
              key={item.id}
              id={agendaItemElementId(item.id)}
              className={`agenda-item${current ? ' agenda-item-current' : ''}${brought ? ' agenda-item-brought' : ''}${covered ? ' agenda-item-covered' : ''}`}
              aria-current={current ? 'step' : undefined}
              data-testid="agenda-item"
              data-item-id={item.id}
              data-current={current}
              data-covered={covered}
              data-brought={brought}
            >
              <div className="agenda-item-head">
                <span className="agenda-item-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="agenda-item-title" id={titleId}>
                  {item.title}
                </span>
                <span className="agenda-item-minutes">{t('sessions.agenda.minutesShort', { count: item.minutes })}</span>
              </div>
              <p className="agenda-item-meta">
                <span className="chip">{t(`sessions.kinds.${item.kind}`)}</span>
                {current ? <span className="status status-session-live">{t('sessions.agenda.now')}</span> : null}
                {covered && !current ? <span className="status status-session-ended">{t('sessions.agenda.covered')}</span> : null}
                {path && item.refTitle ? (
                  <Link
                    to={path}
                    data-testid="agenda-item-ref"
                    target={linksInNewTab ? '_blank' : undefined}
                    rel={linksInNewTab ? 'noopener' : undefined}
                  >
                    {item.refTitle}
                    {linksInNewTab ? <span className="visually-hidden"> {t('sessions.newTab')}</span> : null}
                  </Link>
                ) : path ? (
                  <span className="muted">{t('sessions.agenda.refUnavailable')}</span>
                ) : null}
              </p>
              {controls ? (
                <div className="button-row agenda-item-controls">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-testid="agenda-set-current"
                    disabled={controls.pending || current}
                    aria-describedby={titleId}
                    onClick={() => controls.onSetCurrent(item.id)}
                  >
                    {current ? t('sessions.agenda.isCurrent') : t('sessions.agenda.setCurrent')}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-testid="agenda-bring"
                    disabled={controls.pending}
                    aria-describedby={titleId}
                    onClick={() => controls.onBring(item.id)}
                  >
                    {t('sessions.agenda.bring')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
