import { useTranslation } from 'react-i18next';
import type { DialogueMessage, ModerateRequest, ModerationQueue } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import type { ApiQuery } from '../../lib/useApiQuery.js';
import { formatMessageTime } from './labels.js';
import { ModerationActions } from './ModerationActions.js';

interface Props {
  queue: ApiQuery<ModerationQueue>;
  onModerate: (messageId: string, request: ModerateRequest) => Promise<DialogueMessage>;
}

/** The moderators' queue, live: messages waiting for approval, and messages hidden by members' reports. */
export function ModerationPanel({ queue, onModerate }: Props) {
  const { t } = useTranslation();
  const pending = queue.data?.pending ?? [];
  const flagged = queue.data?.flagged ?? [];
  const total = pending.length + flagged.length;
  return (
    <section className="side-panel dlg-panel dlg-queue" aria-labelledby="dlg-queue-title" data-testid="moderation-queue">
      <h2 id="dlg-queue-title">
        {t('dialogues.moderation.title')}{' '}
        <span className={total > 0 ? 'status status-pending' : 'status status-used'} data-testid="queue-count" data-count={total}>
          {total}
        </span>
      </h2>
      {queue.loading && !queue.data ? <Loading /> : null}
      <ErrorAlert error={queue.error} />
      {queue.data && total === 0 ? (
        <p className="muted" data-testid="queue-empty">
          {t('dialogues.moderation.empty')}
        </p>
      ) : null}
      {pending.length > 0 ? (
        <>
          <h3 className="board-subtitle">{t('dialogues.moderation.pending', { count: pending.length })}</h3>
          <ul className="dlg-queue-list">
            {pending.map((m) => (
              <QueueItem key={m.id} message={m} kind="pending" onModerate={onModerate} />
            ))}
          </ul>
        </>
      ) : null}
      {flagged.length > 0 ? (
        <>
          <h3 className="board-subtitle">{t('dialogues.moderation.flagged', { count: flagged.length })}</h3>
          <ul className="dlg-queue-list">
            {flagged.map((m) => (
              <QueueItem key={m.id} message={m} kind="flagged" onModerate={onModerate} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function QueueItem({ message: m, kind, onModerate }: { message: DialogueMessage; kind: 'pending' | 'flagged'; onModerate: Props['onModerate'] }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="dlg-queue-item" data-testid="queue-item" data-message-id={m.id} data-kind={kind} data-status={m.status}>
      <p className="dlg-message-meta">
        <span className="dlg-author" translate="no">
          {m.author?.displayName ?? t('dialogues.thread.removedAuthor')}
        </span>
        {m.language ? (
          <span className="dlg-lang" data-language={m.language} title={t(`languages.${m.language}`)}>
            <span aria-hidden="true">{m.language.toUpperCase()}</span>
            <span className="visually-hidden">{t('dialogues.thread.writtenIn', { language: t(`languages.${m.language}`) })}</span>
          </span>
        ) : null}
        <time className="dlg-time" dateTime={m.createdAt}>
          {formatMessageTime(m.createdAt, i18n.language)}
        </time>
      </p>
      <p className="dlg-body prewrap" lang={m.language ?? undefined} data-testid="queue-body">
        {m.body ?? t('dialogues.status.hidden')}
      </p>
      <p className="hint">
        {kind === 'flagged'
          ? t('dialogues.moderation.flags', { count: m.flagCount })
          : m.heldBecause
            ? t(`dialogues.status.held.${m.heldBecause}`)
            : t('dialogues.status.pending')}
      </p>
      <ModerationActions message={m} prefix="queue" flagged={kind === 'flagged'} onModerate={onModerate} />
    </li>
  );
}
