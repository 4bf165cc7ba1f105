import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DialogueSummary } from '@relab/shared';
import { formatMessageTime } from '../labels.js';

/** One dialogue in the list: its title (the link), languages, how many take part, the latest message; paused if so. */
export function DialogueCard({ labId, dialogue, simple }: { labId: string; dialogue: DialogueSummary; simple: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card dlg-card" data-testid="dialogue-card" data-dialogue-id={dialogue.id} data-paused={dialogue.paused}>
      <h3 className="dlg-card-title">
        <Link to={`/labs/${encodeURIComponent(labId)}/dialogues/${encodeURIComponent(dialogue.id)}`} data-testid="dialogue-link">
          {dialogue.title}
        </Link>
        {dialogue.paused ? (
          <span className="status status-pending dlg-card-paused" data-testid="dialogue-card-paused">
            {t('dialogues.list.paused')}
          </span>
        ) : null}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('dialogues.list.languages')}</dt>
          <dd>{dialogue.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('dialogues.list.people')}</dt>
          <dd>{dialogue.participantCount}</dd>
        </div>
        {!simple ? (
          <div>
            <dt>{t('dialogues.list.mode')}</dt>
            <dd>{t(`dialogues.mode.${dialogue.mode}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('dialogues.list.lastMessage')}</dt>
          <dd>{dialogue.lastMessageAt ? formatMessageTime(dialogue.lastMessageAt, i18n.language) : t('dialogues.list.noMessages')}</dd>
        </div>
      </dl>
    </li>
  );
}
