import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { outboxNotice } from './labels.js';
import type { OutboxEntry } from './outbox.js';

interface Props {
  entry: OutboxEntry;
  sending: boolean;
  now: number;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  /** Takes the text back into the composer (and out of the outbox) to change it. */
  onEdit: (entry: OutboxEntry) => void;
}

/** A message of mine the server has not acknowledged yet: kept on this device, sent again by itself. */
export function OutboxItem({ entry, sending, now, onRetry, onDiscard, onEdit }: Props) {
  const { t } = useTranslation();
  const notice = outboxNotice(entry, sending, now);
  return (
    <li
      className={`dlg-message dlg-message-mine dlg-message-${notice.state}`}
      data-testid="message"
      data-status={notice.state}
      data-client-id={entry.clientId}
      data-mine="true"
    >
      <p className="dlg-message-meta">
        <span className="dlg-author">{t('dialogues.thread.you')}</span>
        <span className="dlg-lang" data-testid="message-language" data-language={entry.language} title={t(`languages.${entry.language}`)}>
          <span aria-hidden="true">{entry.language.toUpperCase()}</span>
          <span className="visually-hidden">{t('dialogues.thread.writtenIn', { language: t(`languages.${entry.language}`) })}</span>
        </span>
      </p>
      <p className="dlg-body prewrap" lang={entry.language} data-testid="message-body">
        {entry.body}
      </p>
      <p className={`dlg-status dlg-status-${notice.state}`} data-testid="message-status" data-status={notice.state}>
        {notice.state === 'refused' ? <strong>{t('dialogues.outbox.refused')} </strong> : null}
        {t(notice.said.key, notice.said.values ?? {})}
      </p>
      {!sending ? (
        <div className="button-row">
          {notice.state === 'refused' ? (
            <button type="button" className="button button-small" data-testid="outbox-edit" onClick={() => onEdit(entry)}>
              {t('dialogues.outbox.edit')}
            </button>
          ) : null}
          <button type="button" className="button button-secondary button-small" data-testid="outbox-retry" onClick={() => onRetry(entry.clientId)}>
            {t('dialogues.outbox.retry')}
          </button>
          <ConfirmButton
            label={t('dialogues.outbox.discard')}
            question={t('dialogues.outbox.discardQuestion')}
            confirmLabel={t('dialogues.outbox.discardConfirm')}
            testId="outbox-discard"
            onConfirm={() => onDiscard(entry.clientId)}
          />
        </div>
      ) : null}
    </li>
  );
}
