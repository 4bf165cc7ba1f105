import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentReply, CommentThread } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../lib/format.js';
import { MentionTextarea } from './MentionTextarea.js';
import { mentionSegments, mentionsIn, type AssembledThread, type Mentionable } from './threads.js';

interface Props {
  entry: AssembledThread;
  myUserId: string;
  members: readonly Mentionable[];
  canWrite: boolean;
  /** Whether the commented text is still in the document. */
  anchored: boolean;
  active: boolean;
  onShow: () => void;
  onReply: (body: string, mentions: string[]) => boolean;
  onResolve: (resolved: boolean) => boolean;
  nameOf: (userId: string) => string;
}

/** A comment body with the @mentions of the people it mentions highlighted (mine more strongly). */
function Body({ comment, members, myUserId }: { comment: CommentThread | CommentReply; members: readonly Mentionable[]; myUserId: string }) {
  const mentioned = members.filter((m) => comment.mentions.includes(m.userId));
  return (
    <p className="comment-body prewrap">
      {mentionSegments(comment.body, mentioned).map((s, i) =>
        s.mention ? (
          <mark key={i} className={s.mention === myUserId ? 'mention mention-me' : 'mention'} data-testid="comment-mention" translate="no">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

function Meta({ comment }: { comment: CommentThread | CommentReply }) {
  const { i18n } = useTranslation();
  return (
    <p className="comment-meta">
      <span className="comment-author" translate="no">
        {comment.authorName}
      </span>{' '}
      <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, i18n.language)}</time>
    </p>
  );
}

/** One thread: the quoted text, the first comment, the replies, reply and resolve. */
export function ThreadView({ entry, myUserId, members, canWrite, anchored, active, onShow, onReply, onResolve, nameOf }: Props) {
  const { t } = useTranslation();
  const { thread, replies, resolved, resolution } = entry;
  const [reply, setReply] = useState('');
  const [failed, setFailed] = useState(false);
  const replyId = `reply-${thread.id}`;
  const mentionsMe = thread.mentions.includes(myUserId) || replies.some((r) => r.mentions.includes(myUserId));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = reply.trim();
    if (!body) return;
    const ok = onReply(body, mentionsIn(body, members));
    setFailed(!ok);
    if (ok) setReply('');
  }

  return (
    <li
      className={['comment-thread', resolved ? 'comment-thread-resolved' : '', active ? 'comment-thread-active' : ''].filter(Boolean).join(' ')}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={resolved}
    >
      <article aria-label={t('reflections.comments.threadLabel', { name: thread.authorName })}>
        <div className="comment-quote-row">
          {anchored ? (
            <button type="button" className="comment-quote" data-testid="comment-show" onClick={onShow} aria-label={t('reflections.comments.show', { quote: thread.quote })}>
              <q>{thread.quote}</q>
            </button>
          ) : (
            <p className="comment-quote comment-quote-gone">
              <q>{thread.quote}</q> <span className="muted">({t('reflections.comments.textGone')})</span>
            </p>
          )}
        </div>
        <p className="comment-flags">
          {resolved ? (
            <span className="status status-used" data-testid="comment-resolved">
              {resolution ? t('reflections.comments.resolvedBy', { name: nameOf(resolution.authorId) }) : t('reflections.comments.resolved')}
            </span>
          ) : null}
          {mentionsMe ? <span className="status status-pending">{t('reflections.comments.mentionsYou')}</span> : null}
        </p>
        <Meta comment={thread} />
        <Body comment={thread} members={members} myUserId={myUserId} />
        {replies.length > 0 ? (
          <ol className="comment-replies" aria-label={t('reflections.comments.replies', { count: replies.length })}>
            {replies.map((r) => (
              <li key={r.id} className="comment-reply" data-testid="comment-reply">
                <Meta comment={r} />
                <Body comment={r} members={members} myUserId={myUserId} />
              </li>
            ))}
          </ol>
        ) : null}
        {canWrite ? (
          <>
            {resolved ? null : (
              <form className="comment-reply-form" onSubmit={submit} noValidate>
                <MentionTextarea
                  id={replyId}
                  label={t('reflections.comments.reply')}
                  value={reply}
                  onChange={setReply}
                  members={members}
                  testId="comment-reply-body"
                  rows={2}
                />
                {failed ? <ErrorAlert error={null} messageKey="reflections.comments.invalid" /> : null}
                <button type="submit" className="button button-small" data-testid="comment-reply-submit" disabled={reply.trim() === ''}>
                  {t('reflections.comments.replySubmit')}
                </button>
              </form>
            )}
            <p>
              <button type="button" className="button button-secondary button-small" data-testid="comment-resolve" onClick={() => onResolve(!resolved)}>
                {resolved ? t('reflections.comments.reopen') : t('reflections.comments.resolve')}
              </button>
            </p>
          </>
        ) : null}
      </article>
    </li>
  );
}
