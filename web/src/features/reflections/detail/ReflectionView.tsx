import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import {
  REFLECTION_LIMITS,
  type Member,
  type ReflectionDetail,
  type ReflectionSection,
  type UpdateReflectionRequest,
} from '@relab/shared';
import type { CollabProvider } from '../../../collab/CollabProvider.js';
import { useCollabDoc } from '../../../collab/useCollabDoc.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Loading } from '../../../components/Loading.js';
import { CollabEditor } from '../../../editor/CollabEditor.js';
import { CollabStatusLine } from '../../notes/CollabStatusLine.js';
import { PresenceList } from '../../notes/PresenceList.js';
import { VersionsPanel } from '../../notes/VersionsPanel.js';
import { VersionViewer } from '../../notes/VersionViewer.js';
import { reflectionsApi } from '../api.js';
import { CommentButton } from '../comments/CommentButton.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import type { PendingRange } from '../comments/anchor.js';
import type { Mentionable } from '../comments/threads.js';
import { useCommentThreads } from '../comments/useCommentThreads.js';
import { DetectionsPanel } from '../detections/DetectionsPanel.js';
import { KeyView } from '../detections/KeyView.js';
import { NamesEditor } from '../detections/NamesEditor.js';
import { CommentMark, setCommentHighlight } from '../editor/CommentMark.js';
import { Detections } from '../editor/DetectionExtension.js';
import { TemplatePrompts, promptsByHeading, type PromptsByHeading } from '../editor/templatePrompts.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { waitUntilSaved } from '../review/waitUntilSaved.js';
import { SectionsArea } from '../sections/SectionsArea.js';
import { CONTENT_FIELD, PROVISIONAL_COLOR } from './constants.js';
import { DocumentSize } from './DocumentSize.js';
import { ExportLinks } from './ExportLinks.js';
import { ReadersList } from './ReadersList.js';
import { ReflectionHeader } from './ReflectionHeader.js';
import { useReflectionDetections } from './useReflectionDetections.js';
import { useReloadOnAccessChange } from './useReloadOnAccessChange.js';

interface Props {
  labId: string;
  detail: ReflectionDetail;
  members: readonly Member[] | undefined;
  me: { id: string; displayName: string };
  /** Adopts a new detail (from the answer of a change). */
  onDetail: (detail: ReflectionDetail) => void;
  /** Loads the detail again (after a change made by someone else). */
  reload: () => void;
  /** After I (the reviewer) sent it back: I can no longer open it. Owned by the page, which stays mounted. */
  onSentBack: () => void;
}

const MENTIONABLE_ROLES: ReadonlySet<string> = new Set(['facilitator', 'practitioner', 'observer']);

/** A case reflection: header, four-eyes step, the live text with its need-to-know parts, and the side panels. */
export function ReflectionView({ labId, detail, members, me, onDetail, reload, onSentBack }: Props) {
  const { t, i18n } = useTranslation();
  const { doc, provider, status, access, user, error } = useCollabDoc(detail.docName);
  useReloadOnAccessChange(access, detail.myAccess, reload);
  const [mainEditor, setMainEditor] = useState<Editor | null>(null);

  // ---- the providers of the main text and its sections (everything must be stored before asking for approval)
  const providers = useRef(new Set<CollabProvider>());
  const onProvider = useCallback((p: CollabProvider) => {
    providers.current.add(p);
    return () => {
      providers.current.delete(p);
    };
  }, []);
  useEffect(() => (provider ? onProvider(provider) : undefined), [provider, onProvider]);
  const whenSaved = useCallback(() => waitUntilSaved(providers.current), []);

  // ---- identifying details (the author, while it is a draft)
  const detections = useReflectionDetections({ labId, detail, access, onDetail });
  const { scope, keyState, detecting, groups } = detections;

  // ---- the template's prompts as placeholders under each heading
  const prompts = useRef<PromptsByHeading>(new Map());
  useEffect(() => {
    if (access !== 'write') return undefined;
    let current = true;
    reflectionsApi.template(labId).then(
      (template) => {
        if (!current) return;
        prompts.current = promptsByHeading(template, detail.language);
        if (mainEditor && !mainEditor.isDestroyed) mainEditor.view.dispatch(mainEditor.state.tr.setMeta('addToHistory', false));
      },
      // Without the template there are simply no prompts.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [labId, access, detail.language, mainEditor]);

  // ---- editors: extensions are read once per editor
  const mainExtensions = useMemo(() => [CommentMark, Detections, TemplatePrompts(prompts)], []);
  const sectionExtensions = useMemo(() => [CommentMark, Detections], []);
  const onMainEditor = useCallback(
    (editor: Editor) => {
      setMainEditor(editor);
      const off = scope.add('content', editor);
      return () => {
        off();
        setMainEditor((current) => (current === editor ? null : current));
      };
    },
    [scope],
  );
  const onSectionEditor = useCallback((sectionId: string, editor: Editor) => scope.add(`section:${sectionId}`, editor), [scope]);

  // ---- pastes that are too long
  const [pasteRefusedAt, setPasteRefusedAt] = useState<number | null>(null);
  const onPasteRefused = useCallback(() => setPasteRefusedAt(Date.now()), []);
  useEffect(() => {
    if (pasteRefusedAt === null) return undefined;
    const timer = setTimeout(() => setPasteRefusedAt(null), 20_000);
    return () => clearTimeout(timer);
  }, [pasteRefusedAt]);

  // ---- comments (shared reflections)
  const threads = useCommentThreads(doc);
  useEffect(() => {
    if (mainEditor) setCommentHighlight(mainEditor, { resolved: new Set(threads.filter((x) => x.resolved).map((x) => x.thread.id)) });
  }, [mainEditor, threads]);
  const canComment = detail.status === 'shared' && access === 'write';
  const [pending, setPending] = useState<PendingRange | null>(null);
  const [needsSelection, setNeedsSelection] = useState(false);
  const onComment = useCallback((range: PendingRange | null) => {
    setNeedsSelection(range === null);
    if (range) setPending(range);
  }, []);
  const toolbarExtra = useCallback(
    (editor: Editor) => (canComment ? <CommentButton editor={editor} onComment={onComment} /> : null),
    [canComment, onComment],
  );
  const mentionable: Mentionable[] = useMemo(
    () => (members ?? []).filter((m) => m.userId !== me.id && MENTIONABLE_ROLES.has(m.role)).map((m) => ({ userId: m.userId, displayName: m.displayName })),
    [members, me.id],
  );

  // ---- versions
  const [viewing, setViewing] = useState<string | null>(null);
  const viewerExtensions = useMemo(() => [CommentMark], []);

  const closed = access === 'none' || (status === 'error' && access === null);
  const canEditMeta = detail.status !== 'in_review' && detail.myAccess === 'write' && (detail.isAuthor || detail.status === 'shared');
  const onSections = useCallback((sections: ReflectionSection[]) => onDetail({ ...detail, sections }), [detail, onDetail]);

  return (
    <>
      <ReflectionHeader
        detail={detail}
        canEdit={canEditMeta}
        onSave={async (patch: UpdateReflectionRequest) => onDetail(await reflectionsApi.update(labId, detail.id, patch))}
      />
      <ReviewPanel
        labId={labId}
        detail={detail}
        members={members}
        myUserId={me.id}
        remainingCount={groups.length}
        whenSaved={whenSaved}
        onChanged={(next) => (next ? onDetail(next) : reload())}
        onSentBack={onSentBack}
      />
      <div className="notebook reflection-layout">
        <div className="notebook-main">
          <CollabStatusLine status={status} error={error} />
          {access === 'read' ? (
            <p className="alert alert-info" data-testid="reflection-read-only">
              {detail.status === 'in_review' ? t('reflections.readOnlyInReview') : t('collab.readOnly')}
            </p>
          ) : null}
          {status === 'error' && error === 'MESSAGE_TOO_LARGE' ? (
            <p className="alert alert-error" role="alert" data-testid="message-too-large">
              {t('reflections.tooLarge')}
            </p>
          ) : null}
          {pasteRefusedAt !== null ? (
            <p key={pasteRefusedAt} className="alert alert-error" role="alert" data-testid="paste-refused">
              {t('reflections.pasteRefused', { max: REFLECTION_LIMITS.maxPasteChars.toLocaleString(i18n.language) })}{' '}
              <button type="button" className="button button-secondary button-small" onClick={() => setPasteRefusedAt(null)}>
                {t('reflections.close')}
              </button>
            </p>
          ) : null}
          {mainEditor && access === 'write' ? <DocumentSize editor={mainEditor} /> : null}
          {closed ? null : doc && provider ? (
            <CollabEditor
              doc={doc}
              provider={provider}
              field={CONTENT_FIELD}
              user={user ?? { name: me.displayName, color: PROVISIONAL_COLOR }}
              editable={access === 'write'}
              label={t('reflections.editorLabel')}
              testId="reflection-editor"
              extensions={mainExtensions}
              toolbarExtra={toolbarExtra}
              maxPasteChars={REFLECTION_LIMITS.maxPasteChars}
              onPasteRefused={onPasteRefused}
              onEditor={onMainEditor}
            />
          ) : (
            <Loading />
          )}
          {closed ? null : (
            <SectionsArea
              labId={labId}
              detail={detail}
              members={members ?? []}
              myUserId={me.id}
              myName={me.displayName}
              extensions={sectionExtensions}
              onEditor={onSectionEditor}
              onProvider={onProvider}
              onPasteRefused={onPasteRefused}
              onSections={onSections}
            />
          )}
          {viewing && !closed ? (
            <VersionViewer
              docName={detail.docName}
              versionId={viewing}
              field={CONTENT_FIELD}
              extensions={viewerExtensions}
              hint={t('reflections.versions.viewingHint')}
              onClose={() => setViewing(null)}
            />
          ) : null}
        </div>
        <div className="notebook-side">
          {detecting ? (
            <>
              <ErrorAlert error={keyState.error} />
              <DetectionsPanel
                groups={groups}
                ready={keyState.key !== null}
                dismissedCount={keyState.key?.dismissed.length ?? 0}
                pseudonymCount={keyState.key?.pseudonyms.length ?? 0}
                onReplace={detections.replace}
                onDismiss={detections.dismiss}
              />
              <NamesEditor
                names={keyState.key?.names ?? []}
                ready={keyState.key !== null}
                onAdd={detections.addName}
                onRemove={detections.removeName}
              />
            </>
          ) : null}
          {detail.isAuthor && keyState.key ? (
            <KeyView
              reflectionKey={keyState.key}
              onUndismiss={detecting ? detections.undismiss : undefined}
            />
          ) : null}
          {detail.status === 'shared' && doc && !closed ? (
            <CommentsPanel
              doc={doc}
              editor={mainEditor}
              threads={threads}
              canWrite={canComment}
              me={me}
              members={mentionable}
              pending={pending}
              onPendingDone={() => setPending(null)}
              needsSelection={needsSelection}
            />
          ) : null}
          {provider && !closed ? <PresenceList awareness={provider.awareness} /> : null}
          {closed ? null : (
            <VersionsPanel
              docName={detail.docName}
              canWrite={access === 'write'}
              viewing={viewing}
              onView={setViewing}
              texts={{ intro: t('reflections.versions.intro'), restoreQuestion: t('reflections.versions.restoreQuestion') }}
            />
          )}
          {detail.status === 'shared' ? <ExportLinks labId={labId} reflectionId={detail.id} /> : null}
          {detail.isAuthor ? <ReadersList key={detail.status} labId={labId} reflectionId={detail.id} /> : null}
        </div>
      </div>
    </>
  );
}
