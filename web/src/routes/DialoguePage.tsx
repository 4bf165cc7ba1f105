import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DialogueDetail, Lab, Member } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { dialoguesApi } from '../features/dialogues/api.js';
import { DialogueView } from '../features/dialogues/DialogueView.js';
import type { ExitNotice } from '../features/dialogues/ExitScreen.js';
import { GroundRulesScreen } from '../features/dialogues/GroundRulesScreen.js';
import { problemOf, usesSimpleView } from '../features/dialogues/labels.js';
import { asLanguage } from '../features/reflections/labels.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';
import '../features/dialogues/dialogues.css';

/** /labs/:labId/dialogues/:dialogueId — the ground rules first (when not yet accepted), then the live dialogue. */
export function DialoguePage() {
  const { t, i18n } = useTranslation();
  const { labId = '', dialogueId = '' } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const detail = useApiQuery<DialogueDetail>(() => dialoguesApi.get(labId, dialogueId), [labId, dialogueId]);
  const facilitator = lab.data?.myRole === 'facilitator';
  const members = useApiQuery<Member[] | null>(() => (facilitator ? api.listMembers(labId) : Promise.resolve(null)), [labId, facilitator]);
  const { setData, reload } = detail;
  const setDialogue = useCallback((d: DialogueDetail) => setData(d), [setData]);
  const dialogue = detail.data;
  const myRole = lab.data?.myRole ?? dialogue?.participants.find((p) => p.memberId === dialogue.me.memberId)?.role;
  const simple = usesSimpleView(myRole);
  usePageTitle(dialogue ? `${dialogue.title} · ${t('dialogues.title')}` : t('dialogues.title'));

  const listPath = `/labs/${encodeURIComponent(labId)}/dialogues`;
  const exit = useCallback((notice: ExitNotice) => navigate(listPath, { replace: true, state: notice }), [navigate, listPath]);
  const back = (
    <p className="breadcrumb">
      <Link to={listPath} data-testid="dialogues-back">
        {t('dialogues.back')}
      </Link>
    </p>
  );

  if (!dialogue || !me) {
    const problem = detail.error ? problemOf(detail.error) : null;
    return (
      <div className={simple ? 'dlg-page dlg-simple' : 'dlg-page'}>
        {back}
        <h1>{t('dialogues.title')}</h1>
        {detail.loading && !dialogue ? <Loading /> : null}
        {problem ? <ErrorAlert error={detail.error} messageKey={problem.key} values={problem.values} /> : null}
      </div>
    );
  }

  const consented = dialogue.me.consentedVersion !== null && dialogue.me.consentedVersion >= dialogue.groundRulesVersion;
  return (
    <div className={simple ? 'dlg-page dlg-page-dialogue dlg-simple' : 'dlg-page dlg-page-dialogue'}>
      {back}
      {detail.error ? <ErrorAlert error={detail.error} messageKey={problemOf(detail.error).key} values={problemOf(detail.error).values} /> : null}
      {consented ? (
        <DialogueView
          key={dialogue.id}
          labId={labId}
          dialogue={dialogue}
          userId={me.id}
          simple={simple}
          facilitator={facilitator}
          members={members.data ?? undefined}
          language={asLanguage(i18n.language)}
          setDialogue={setDialogue}
          reload={reload}
          onExit={exit}
        />
      ) : (
        <GroundRulesScreen labId={labId} dialogue={dialogue} onAccepted={setDialogue} onOutdated={reload} />
      )}
    </div>
  );
}
