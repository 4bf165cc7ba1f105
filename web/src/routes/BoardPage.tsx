import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardDetail, Member } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { boardsApi } from '../features/boards/api.js';
import { BoardView } from '../features/boards/BoardView.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /labs/:labId/boards/:boardId — one whiteboard, worked on together live. */
export function BoardPage() {
  const { t } = useTranslation();
  const { labId = '', boardId = '' } = useParams();
  const { me } = useSession();
  const detail = useApiQuery<BoardDetail>(() => boardsApi.get(labId, boardId), [labId, boardId]);
  // Authors' names for the tooltips (families and returnees appear by their pseudonym).
  const members = useApiQuery<Member[]>(() => api.listMembers(labId), [labId]);
  usePageTitle(detail.data ? `${detail.data.title} · ${t('boards.pageTitle')}` : t('boards.pageTitle'));
  // A new generation loads the board again from the server (after a change of mine was refused).
  const [generation, setGeneration] = useState(0);
  const [wasReset, setWasReset] = useState(false);
  const reset = useCallback(() => {
    setWasReset(true);
    setGeneration((g) => g + 1);
  }, []);

  const back = (
    <p className="breadcrumb">
      <Link to={`/labs/${encodeURIComponent(labId)}/boards`} data-testid="boards-back">
        {t('boards.back')}
      </Link>
    </p>
  );
  if (!detail.data || !me) {
    return (
      <div className="board-page">
        {back}
        <h1>{t('boards.pageTitle')}</h1>
        {detail.loading && !detail.data ? <Loading /> : null}
        <ErrorAlert error={detail.error} />
      </div>
    );
  }
  return (
    <div className="board-page">
      {back}
      <header className="board-header">
        <h1 data-testid="board-title">{detail.data.title}</h1>
        <p className="muted board-header-meta">
          {t(`boards.templates.${detail.data.template}`)} · {t('boards.list.createdBy')}: <span translate="no">{detail.data.createdBy.displayName}</span>
        </p>
      </header>
      {wasReset ? (
        <p className="alert alert-warning board-reset" role="status" data-testid="board-reset-notice">
          {t('boards.reset')}{' '}
          <button type="button" className="link-button" onClick={() => setWasReset(false)}>
            {t('boards.resetDismiss')}
          </button>
        </p>
      ) : null}
      <BoardView
        key={`${boardId}:${generation}`}
        labId={labId}
        detail={detail.data}
        me={{ id: me.id, displayName: me.displayName }}
        members={members.data}
        onReset={reset}
      />
    </div>
  );
}
