import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSummary } from '@relab/shared';
import { formatDate } from '../../../lib/format.js';

/** One board in the list: title, template, who started it and when. */
export function BoardCard({ labId, board, myUserId }: { labId: string; board: BoardSummary; myUserId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const mine = board.createdBy.userId === myUserId;
  return (
    <li className="card board-card" data-testid="board-card" data-board-id={board.id}>
      <h3 className="board-card-title">
        <Link to={`/labs/${encodeURIComponent(labId)}/boards/${encodeURIComponent(board.id)}`} data-testid="board-link">
          {board.title}
        </Link>
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('boards.list.template')}</dt>
          <dd>{t(`boards.templates.${board.template}`)}</dd>
        </div>
        <div>
          <dt>{t('boards.list.createdBy')}</dt>
          <dd translate="no">{mine ? t('collab.you', { name: board.createdBy.displayName }) : board.createdBy.displayName}</dd>
        </div>
        <div>
          <dt>{t('boards.list.createdAt')}</dt>
          <dd>{formatDate(board.createdAt, i18n.language)}</dd>
        </div>
      </dl>
    </li>
  );
}
