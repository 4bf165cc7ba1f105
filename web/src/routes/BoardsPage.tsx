import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSummary, Lab, LabRole } from '@relab/shared';
import { CreatePanel } from '../components/CreatePanel.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { boardsApi } from '../features/boards/api.js';
import { BoardCard } from '../features/boards/list/BoardCard.js';
import { NewBoardForm } from '../features/boards/list/NewBoardForm.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** Roles that start boards (everyone in the lab works on them; observers only look). */
const CREATOR_ROLES: ReadonlySet<LabRole> = new Set<LabRole>(['facilitator', 'practitioner']);

/** /labs/:labId/boards — the lab's whiteboards, and a new one. */
export function BoardsPage() {
  const { t } = useTranslation();
  const { labId = '' } = useParams();
  const { me } = useSession();
  const lab = useApiQuery<Lab>(() => api.getLab(labId), [labId]);
  const list = useApiQuery<BoardSummary[]>(() => boardsApi.list(labId), [labId]);
  usePageTitle(lab.data ? `${t('boards.title')} · ${lab.data.name}` : t('boards.title'));
  const canCreate = lab.data ? CREATOR_ROLES.has(lab.data.myRole) : false;
  const boards = list.data ? [...list.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : undefined;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/labs/${encodeURIComponent(labId)}`}>{t('notes.backToLab')}</Link>
      </p>
      <header className="notes-header">
        <h1 data-testid="boards-title">{t('boards.title')}</h1>
        {lab.data ? <p className="notes-lab-name">{lab.data.name}</p> : null}
        <p className="muted">{t('boards.intro')}</p>
      </header>
      <ErrorAlert error={lab.error} />

      {canCreate ? (
        <CreatePanel title={t('boards.new.title')} headingId="new-board-title" buttonTestId="board-new">
          {(close) => <NewBoardForm labId={labId} onCancel={close} />}
        </CreatePanel>
      ) : null}

      <section aria-labelledby="boards-list-title">
        <h2 id="boards-list-title">{t('boards.list.heading')}</h2>
        {list.loading && !list.data ? <Loading /> : null}
        <ErrorAlert error={list.error} />
        {boards && boards.length === 0 ? (
          <p className="muted" data-testid="boards-empty">
            {t('boards.list.empty')}
          </p>
        ) : null}
        {boards && boards.length > 0 ? (
          <ul className="lab-list board-list" data-testid="boards-list">
            {boards.map((b) => (
              <BoardCard key={b.id} labId={labId} board={b} myUserId={me?.id} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
