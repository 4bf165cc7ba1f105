import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { isPseudonymousRole, type DialogueMessage, type ModerateRequest, type Reaction } from '@relab/shared';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';
import { bodySegments, shortQuote } from './compose.js';
import { formatMessageTime } from './labels.js';
import { ModerationActions } from './ModerationActions.js';
import { ReactionBar } from './ReactionBar.js';

export interface MessageHandlers {
  react: (messageId: string, reaction: Reaction, on: boolean) => Promise<DialogueMessage>;
  flag: (messageId: string) => Promise<DialogueMessage>;
  moderate: (messageId: string, request: ModerateRequest) => Promise<DialogueMessage>;
  reply: (message: DialogueMessage) => void;
  jumpTo: (messageId: string) => void;
}

interface Props {
  message: DialogueMessage;
  /** The message replied to: null when it is not (or no longer) in the thread; undefined when this is no reply. */
  quoted: DialogueMessage | null | undefined;
  myMemberId: string;
  moderator: boolean;
  /** False while the dialogue is paused for me: reading only. */
  writable: boolean;
  handlers: MessageHandlers;
}

export function messageDomId(messageId: string): string {
  return `message-${messageId}`;
}

/** One message: who, in which language, when, what it replies to, the text with its mentions, its state and actions. */
export const MessageItem = memo(function MessageItem({ message, quoted, myMemberId, moderator, writable, handlers }: Props) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const m = message;
  const name = m.author ? (m.mine ? t('dialogues.thread.you') : m.author.displayName) : t('dialogues.thread.removedAuthor');
  const showRole = m.author && !m.mine && !isPseudonymousRole(m.author.role);
  const published = m.status === 'published';

  return (
    <li
      id={messageDomId(m.id)}
      tabIndex={-1}
      className={`dlg-message dlg-message-${m.status}${m.mine ? ' dlg-message-mine' : ''}`}
      data-testid="message"
      data-status={m.status}
      data-message-id={m.id}
      data-mine={m.mine}
    >
      <p className="dlg-message-meta">
        {m.author ? (
          <span className="dlg-author" translate="no" data-testid="message-author">
            {name}
          </span>
        ) : null}
        {showRole && m.author ? <span className="badge">{t(`roles.${m.author.role}`)}</span> : null}
        {m.language ? (
          <span className="dlg-lang" data-testid="message-language" data-language={m.language} title={t(`languages.${m.language}`)}>
            <span aria-hidden="true">{m.language.toUpperCase()}</span>
            <span className="visually-hidden">{t('dialogues.thread.writtenIn', { language: t(`languages.${m.language}`) })}</span>
          </span>
        ) : null}
        <time className="dlg-time" dateTime={m.createdAt} data-testid="message-time">
          {formatMessageTime(m.createdAt, i18n.language)}
        </time>
      </p>

      {m.replyTo ? <Quote quoted={quoted ?? null} onJump={() => handlers.jumpTo(m.replyTo!)} /> : null}

      {m.status === 'erased' ? (
        <p className="dlg-marker" data-testid="message-body">
          {t('dialogues.status.erased')}
        </p>
      ) : m.body === null ? (
        <p className="dlg-marker" data-testid="message-body">
          {t('dialogues.status.hidden')}
        </p>
      ) : (
        <p className="dlg-body prewrap" lang={m.language ?? undefined} data-testid="message-body">
          {bodySegments(m.body, m.mentions).map((s, i) =>
            s.mention ? (
              <span key={i} className={s.mention === myMemberId ? 'mention mention-me' : 'mention'} translate="no">
                {s.text}
              </span>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
        </p>
      )}

      <StatusLine message={m} moderator={moderator} />

      {published || (moderator && m.status !== 'erased') ? (
        <div className="dlg-message-actions">
          {published ? (
            <>
              <button
                type="button"
                className="button button-secondary button-small"
                data-testid="message-reply"
                aria-label={t('dialogues.actions.replyTo', { name })}
                disabled={!writable}
                onClick={() => handlers.reply(m)}
              >
                {t('dialogues.actions.reply')}
              </button>
              <ReactionBar message={m} disabled={action.pending || !writable} onToggle={(r, on) => void action.run(() => handlers.react(m.id, r, on))} />
              {!m.mine && !m.flaggedByMe ? (
                <ConfirmButton
                  label={t('dialogues.actions.flag')}
                  ariaLabel={t('dialogues.actions.flagLabel', { name })}
                  question={t('dialogues.actions.flagQuestion')}
                  confirmLabel={t('dialogues.actions.flagConfirm')}
                  disabled={action.pending}
                  testId="message-flag"
                  onConfirm={() => action.run(() => handlers.flag(m.id))}
                />
              ) : null}
              {m.flaggedByMe ? (
                <span className="muted" data-testid="message-flagged">
                  {t('dialogues.actions.flagged')}
                </span>
              ) : null}
            </>
          ) : null}
          {moderator ? <ModerationActions message={m} prefix="message" onModerate={handlers.moderate} /> : null}
        </div>
      ) : null}
      <ErrorAlert error={action.error} />
    </li>
  );
});

function Quote({ quoted, onJump }: { quoted: DialogueMessage | null; onJump: () => void }) {
  const { t } = useTranslation();
  if (!quoted || quoted.body === null || !quoted.author) {
    return (
      <p className="comment-quote comment-quote-gone dlg-quote" data-testid="message-reply-quote">
        {t('dialogues.thread.replyToGone')}
      </p>
    );
  }
  const author = quoted.mine ? t('dialogues.thread.you') : quoted.author.displayName;
  return (
    <button type="button" className="comment-quote dlg-quote" data-testid="message-reply-quote" onClick={onJump}>
      <span className="visually-hidden">{t('dialogues.thread.replyToLabel')} </span>
      <span className="dlg-quote-author" translate="no">
        {author}
      </span>
      : <span lang={quoted.language ?? undefined}>“{shortQuote(quoted.body)}”</span>
    </button>
  );
}

/** The state of a message that is not simply published, in words (author and moderators; others see markers). */
function StatusLine({ message: m, moderator }: { message: DialogueMessage; moderator: boolean }) {
  const { t } = useTranslation();
  if (m.status === 'pending') {
    return (
      <p className="dlg-status dlg-status-pending" data-testid="message-status" data-status="pending">
        <strong>{t('dialogues.status.pending')}</strong>
        {m.mine ? <span> {t('dialogues.status.pendingHint')}</span> : null}
        {moderator && m.heldBecause ? <span> {t(`dialogues.status.held.${m.heldBecause}`)}</span> : null}
      </p>
    );
  }
  if (m.status === 'rejected') {
    return (
      <p className="dlg-status dlg-status-rejected" data-testid="message-status" data-status="rejected">
        <strong>{t('dialogues.status.rejected')}</strong>
        {m.mine ? <span> {t('dialogues.status.rejectedHint')}</span> : null}
        {m.rejectReason ? (
          <span className="dlg-reject-reason" data-testid="message-reject-reason">
            {t('dialogues.status.rejectedReason', { reason: m.rejectReason })}
          </span>
        ) : null}
      </p>
    );
  }
  if (m.status === 'hidden' && m.body !== null) {
    return (
      <p className="dlg-status dlg-status-hidden" data-testid="message-status" data-status="hidden">
        <strong>{m.mine && !moderator ? t('dialogues.status.hiddenMine') : t('dialogues.status.hiddenForModerators')}</strong>
        {moderator && m.flagCount > 0 ? <span> {t('dialogues.moderation.flags', { count: m.flagCount })}</span> : null}
      </p>
    );
  }
  return null;
}
