import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading.js';
import { MessageItem, messageDomId, type MessageHandlers } from './MessageItem.js';
import { OutboxItem } from './OutboxItem.js';
import type { OutboxEntry } from './outbox.js';
import { myClientIds, orderedMessages, type ThreadState } from './thread.js';
import type { OutboxState } from './useOutbox.js';

/** How many of the latest messages are shown at first (a phone need not render a long history). */
const FIRST_SHOWN = 60;

interface Props {
  state: ThreadState;
  myMemberId: string;
  moderator: boolean;
  writable: boolean;
  simple: boolean;
  handlers: Omit<MessageHandlers, 'jumpTo'>;
  outbox: OutboxState;
  onEditUnsent: (entry: OutboxEntry) => void;
}

/** The thread, oldest first, then my messages still in the outbox. */
export function MessageList({ state, myMemberId, moderator, writable, simple, handlers, outbox, onEditUnsent }: Props) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const messages = useMemo(() => orderedMessages(state), [state]);
  const stored = useMemo(() => myClientIds(state), [state]);
  const hiddenCount = showAll ? 0 : Math.max(0, messages.length - FIRST_SHOWN);
  const shown = hiddenCount > 0 ? messages.slice(hiddenCount) : messages;

  const jumpTo = useCallback(
    (messageId: string) => {
      const focus = () => document.getElementById(messageDomId(messageId))?.focus();
      if (!document.getElementById(messageDomId(messageId))) {
        setShowAll(true);
        requestAnimationFrame(focus);
      } else focus();
    },
    [],
  );
  const all = useMemo<MessageHandlers>(() => ({ ...handlers, jumpTo }), [handlers, jumpTo]);

  if (!state.loaded) return <Loading label={t('dialogues.thread.loading')} />;
  // Never twice: a message the server holds is shown from the thread, even before the outbox has caught up.
  const unsent = outbox.entries.filter((e) => !stored.has(e.clientId));
  return (
    <>
      {hiddenCount > 0 ? (
        <p>
          <button type="button" className="button button-secondary" data-testid="messages-earlier" onClick={() => setShowAll(true)}>
            {t('dialogues.thread.earlier', { count: hiddenCount })}
          </button>
        </p>
      ) : null}
      {messages.length === 0 && unsent.length === 0 ? (
        <p className="muted dlg-empty" data-testid="messages-empty">
          {simple ? t('dialogues.thread.emptySimple') : t('dialogues.thread.empty')}
        </p>
      ) : null}
      <ol className="dlg-messages" data-testid="messages" aria-label={t('dialogues.thread.heading')}>
        {shown.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            quoted={m.replyTo ? (state.byId.get(m.replyTo) ?? null) : undefined}
            myMemberId={myMemberId}
            moderator={moderator}
            writable={writable}
            handlers={all}
          />
        ))}
        {unsent.map((entry) => (
          <OutboxItem
            key={entry.clientId}
            entry={entry}
            sending={outbox.sending === entry.clientId}
            now={outbox.now}
            onRetry={outbox.retryNow}
            onDiscard={outbox.discard}
            onEdit={onEditUnsent}
          />
        ))}
      </ol>
    </>
  );
}
