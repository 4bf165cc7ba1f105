import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DialogueSummary, Lab, Member } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { dialoguesApi } from '../features/dialogues/api.js';
import type { ExitNotice } from '../features/dialogues/ExitScreen.js';
import { usesSimpleView } from '../features/dialogues/labels.js';
import { DialogueCard } from '../features/dialogues/list/DialogueCard.js';
import { NewDialogueForm } from '../features/dialogues/list/NewDialogueForm.js';
import { WatchedWordsEditor } from '../features/dialogues/words/WatchedWordsEditor.js';
import { useSession } from '../features/auth/useSession.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';
import '../features/dialogues/dialogues.css';

/**
 * /labs/:labId/dialogues — my dialogues; facilitators open new ones and keep the lab's watched words. After leaving
 * one, a kind word.
 */
export function DialoguesPage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const location = useLocation();
  const { me } = useSession();
  const [creating, setCreating] = useState(false);
  const [wordsOpen, setWordsOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const exit = (location.state as Partial<ExitNotice> | null)?.dialogueExit ? (location.state as ExitNotice) : null;
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const list = useApiQuery<DialogueSummary[]>(() => dialoguesApi.list(labId), [labId]);
  const facilitator = lab.data?.myRole === 'facilitator';
  const members = useApiQuery<Member[] | null>(() => (facilitator ? api.listMembers(labId) : Promise.resolve(null)), [labId, facilitator]);
  const simple = usesSimpleView(lab.data?.myRole);
  usePageTitle(lab.data ? `${t('dialogues.title')} · ${lab.data.name}` : t('dialogues.title'));

  useEffect(() => {
    if (exit) noticeRef.current?.focus();
  }, [exit]);

  const candidates = (members.data ?? []).filter((m) => m.role !== 'observer' && m.userId !== me?.id);
  return (
    <div className={simple ? 'dlg-page dlg-simple' : 'dlg-page'}>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}`}>{t('dialogues.backToLab')}</Link>
      </p>
      {exit ? (
        <div className="card dlg-goodbye" role="status" tabIndex={-1} ref={noticeRef} data-testid="dialogue-exit-notice" data-exit={exit.dialogueExit}>
          <p className="dlg-goodbye-title">{exit.dialogueExit === 'erase' ? t('dialogues.done.erasedTitle') : t('dialogues.done.leftTitle')}</p>
          <p>{exit.dialogueExit === 'erase' ? t('dialogues.done.erased', { count: exit.erased ?? 0 }) : t('dialogues.done.left')}</p>
          <p>{t('dialogues.done.thanks')}</p>
        </div>
      ) : null}
      <header className="notes-header">
        <h1 data-testid="dialogues-title">{t('dialogues.title')}</h1>
        {lab.data ? <p className="notes-lab-name">{lab.data.name}</p> : null}
        <p className="muted">{simple ? t('dialogues.introSimple') : t('dialogues.intro')}</p>
      </header>
      <ErrorAlert error={lab.error} />

      {facilitator && !creating ? (
        <p className="button-row">
          <button type="button" ref={newButton} className="button" data-testid="dialogue-new" onClick={() => setCreating(true)}>
            {t('dialogues.new.title')}
          </button>
        </p>
      ) : null}
      {facilitator && creating ? (
        <section className="card" aria-labelledby="new-dialogue-title">
          <h2 id="new-dialogue-title">{t('dialogues.new.title')}</h2>
          {members.loading && !members.data ? <Loading /> : null}
          <ErrorAlert error={members.error} />
          {members.data ? (
            <NewDialogueForm
              labId={labId}
              members={candidates}
              onCancel={() => {
                setCreating(false);
                requestAnimationFrame(() => newButton.current?.focus());
              }}
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="dialogues-list-title">
        <h2 id="dialogues-list-title">{t('dialogues.list.heading')}</h2>
        {list.loading && !list.data ? <Loading /> : null}
        <ErrorAlert error={list.error} />
        {list.data && list.data.length === 0 ? (
          <p className="muted" data-testid="dialogues-empty">
            {simple ? t('dialogues.list.emptySimple') : t('dialogues.list.empty')}
          </p>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="lab-list dlg-list" data-testid="dialogues-list">
            {list.data.map((d) => (
              <DialogueCard key={d.id} labId={labId} dialogue={d} simple={simple} />
            ))}
          </ul>
        ) : null}
      </section>

      {facilitator ? (
        <section aria-labelledby="watched-words-title" className="card">
          <details data-testid="watched-words-details" open={wordsOpen} onToggle={(e) => setWordsOpen(e.currentTarget.open)}>
            <summary>
              <h2 id="watched-words-title" className="dlg-summary-title">
                {t('dialogues.words.title')}
              </h2>
            </summary>
            {/* loaded when opened */}
            {wordsOpen ? <WatchedWordsEditor labId={labId} /> : null}
          </details>
        </section>
      ) : null}
    </div>
  );
}
