import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import type { CommentThread } from '@relab/shared';
import type * as Y from 'yjs';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { setCommentHighlight } from '../editor/CommentMark.js';
import { resolveRange, type PendingRange } from './anchor.js';
import { MentionTextarea } from './MentionTextarea.js';
import { COMMENT_MARK, commentAnchors, mentionsIn, newId, orderThreads, type AssembledThread, type Mentionable } from './threads.js';
import { writeReply, writeResolution, writeThread } from './useCommentThreads.js';
import { ThreadView } from './ThreadView.js';

interface Me {
  id: string;
  displayName: string;
}

interface Props {
  doc: Y.Doc;
  editor: Editor | null;
  threads: readonly AssembledThread[];
  canWrite: boolean;
  me: Me;
  members: readonly Mentionable[];
  /** The text chosen with "Comment", while the comment is written. */
  pending: PendingRange | null;
  onPendingDone: () => void;
  /** Shown when "Comment" was pressed without a selection. */
  needsSelection: boolean;
}

const MAX_AUTHOR_NAME = 80;

/** Start positions of every thread's anchor, kept current as the text changes. */
function useAnchorPositions(editor: Editor | null): Map<string, number> {
  const pairs = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? [...commentAnchors(e.state.doc)].map(([id, range]) => [id, range.from] as const) : []),
  });
  return new Map(pairs ?? []);
}

/** The comment threads of a shared reflection, live, with the form of a new comment. */
export function CommentsPanel({ doc, editor, threads, canWrite, me, members, pending, onPendingDone, needsSelection }: Props) {
  const { t } = useTranslation();
  const anchors = useAnchorPositions(editor);
  const ordered = orderThreads(threads, anchors);
  const [active, setActive] = useState<string | null>(null);
  const nameOf = (userId: string) =>
    userId === me.id ? t('reflections.you') : (members.find((m) => m.userId === userId)?.displayName ?? t('reflections.someone'));

  function show(threadId: string) {
    setActive(threadId);
    if (!editor) return;
    setCommentHighlight(editor, { active: threadId });
    const anchor = editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`);
    anchor?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const at = anchors.get(threadId);
    if (at !== undefined) editor.chain().setTextSelection(at).focus(undefined, { scrollIntoView: false }).run();
  }

  const now = () => new Date().toISOString();
  const reply = (threadId: string) => (body: string, mentions: string[]) =>
    writeReply(doc, { id: newId(), threadId, authorId: me.id, authorName: me.displayName.slice(0, MAX_AUTHOR_NAME), body, mentions, createdAt: now() });
  const resolve = (threadId: string) => (resolved: boolean) => writeResolution(doc, { threadId, resolved, authorId: me.id, at: now() });

  const open = ordered.filter((e) => !e.resolved).length;
  return (
    <section className="side-panel comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title">
        {t('reflections.comments.title')}
        {open > 0 ? <span className="badge">{open}</span> : null}
      </h2>
      <p className="muted">{canWrite ? t('reflections.comments.introWrite') : t('reflections.comments.introRead')}</p>
      {needsSelection && !pending ? (
        <p className="alert alert-info" role="status" data-testid="comment-needs-selection">
          {t('reflections.comments.selectFirst')}
        </p>
      ) : null}
      {pending && editor && canWrite ? (
        <NewCommentForm doc={doc} editor={editor} pending={pending} me={me} members={members} onDone={onPendingDone} onCreated={setActive} />
      ) : null}
      {ordered.length === 0 ? <p className="muted">{t('reflections.comments.none')}</p> : null}
      <ul className="comment-list" aria-label={t('reflections.comments.listLabel')}>
        {ordered.map((entry) => (
          <ThreadView
            key={entry.thread.id}
            entry={entry}
            myUserId={me.id}
            members={members}
            canWrite={canWrite}
            anchored={anchors.has(entry.thread.id)}
            active={active === entry.thread.id}
            onShow={() => show(entry.thread.id)}
            onReply={reply(entry.thread.id)}
            onResolve={resolve(entry.thread.id)}
            nameOf={nameOf}
          />
        ))}
      </ul>
    </section>
  );
}

interface FormProps {
  doc: Y.Doc;
  editor: Editor;
  pending: PendingRange;
  me: Me;
  members: readonly Mentionable[];
  onDone: () => void;
  onCreated: (threadId: string) => void;
}

type FormProblem = 'empty' | 'gone' | 'invalid' | null;

/** The first comment of a new thread on the chosen text. */
function NewCommentForm({ doc, editor, pending, me, members, onDone, onCreated }: FormProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<FormProblem>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The form opens away from the text on small screens: bring it into view, and the keyboard into the text box.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'nearest' });
    document.getElementById('comment-body')?.focus();
  }, [pending]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text) return setProblem('empty');
    const range = resolveRange(editor, pending);
    const markType = editor.schema.marks[COMMENT_MARK];
    if (!range || !markType) return setProblem('gone');
    const thread: CommentThread = {
      id: newId(),
      authorId: me.id,
      authorName: me.displayName.slice(0, MAX_AUTHOR_NAME),
      body: text,
      mentions: mentionsIn(text, members),
      quote: pending.quote,
      createdAt: new Date().toISOString(),
    };
    if (!writeThread(doc, thread)) return setProblem('invalid');
    // The mark and the thread leave in the same tick, so they are stored together.
    editor.view.dispatch(editor.state.tr.addMark(range.from, range.to, markType.create({ threadId: thread.id })));
    setProblem(null);
    setBody('');
    onCreated(thread.id);
    onDone();
  }

  return (
    <form className="card comment-form" onSubmit={submit} noValidate aria-labelledby="comment-form-title" data-testid="comment-form">
      <h3 id="comment-form-title" className="h3" ref={headingRef}>
        {t('reflections.comments.newTitle')}
      </h3>
      <p className="comment-quote comment-quote-gone">
        <q>{pending.quote}</q>
      </p>
      <MentionTextarea
        id="comment-body"
        label={t('reflections.comments.body')}
        value={body}
        onChange={setBody}
        members={members}
        testId="comment-body"
        invalid={problem === 'empty'}
        errorId="comment-body-error"
      />
      {problem ? <ErrorAlert error={null} messageKey={`reflections.comments.${problem}`} id="comment-body-error" /> : null}
      <div className="button-row">
        <button type="submit" className="button button-small" data-testid="comment-submit">
          {t('reflections.comments.submit')}
        </button>
        <button type="button" className="button button-secondary button-small" data-testid="comment-cancel" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
