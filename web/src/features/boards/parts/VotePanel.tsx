import { useTranslation } from 'react-i18next';
import type { Shape } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { textOf } from '../canvas/TextEditorOverlay.js';
import type { VotesState } from '../useVotes.js';

interface Props {
  votes: VotesState;
  canVote: boolean;
  /** The one selected shape, if any. */
  selected: Shape | null;
  voteMode: boolean;
  onVoteMode: (on: boolean) => void;
}

/** While a round is open: my dots left, vote mode, add/remove a dot on the selected note. */
export function VotePanel({ votes, canVote, selected, voteMode, onVoteMode }: Props) {
  const { t } = useTranslation();
  if (!votes.open || !canVote) return null;
  const onSelected = selected ? (votes.myDots.get(selected.id) ?? 0) : 0;
  const votable = selected?.type === 'sticky';
  return (
    <section className="side-panel board-vote" aria-labelledby="board-vote-title" data-testid="vote-panel">
      <h2 id="board-vote-title" className="h3">
        {t('boards.vote.openTitle')}
      </h2>
      <p>{t('boards.vote.howTo', { count: votes.round?.votesPerMember ?? 0 })}</p>
      <p className="board-votes-left" data-testid="votes-left" data-count={votes.left} role="status">
        {t('boards.vote.left', { count: votes.left })}
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary button-small" data-testid="vote-mode" aria-pressed={voteMode} onClick={() => onVoteMode(!voteMode)}>
          {voteMode ? t('boards.vote.modeOff') : t('boards.vote.modeOn')}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="vote-add"
          disabled={!votable || votes.left <= 0 || votes.pending}
          onClick={() => selected && void votes.add(selected.id)}
        >
          {t('boards.vote.add')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          data-testid="vote-remove"
          disabled={onSelected === 0 || votes.pending}
          onClick={() => selected && void votes.remove(selected.id)}
        >
          {t('boards.vote.remove')}
        </button>
      </div>
      {!votable ? <p className="hint">{t('boards.vote.selectNote')}</p> : null}
      {onSelected > 0 ? <p className="hint">{t('boards.vote.onSelected', { count: onSelected })}</p> : null}
      <ErrorAlert error={votes.error} />
    </section>
  );
}

/** The results of the closed round: the shapes ranked by their dots. */
export function VoteResults({
  results,
  byId,
  onShow,
}: {
  results: Readonly<Record<string, number>>;
  byId: ReadonlyMap<string, Shape>;
  onShow: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ranked = Object.entries(results)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <section className="side-panel board-results" aria-labelledby="board-results-title">
      <h2 id="board-results-title" className="h3">
        {t('boards.vote.results')}
      </h2>
      {ranked.length === 0 ? <p className="muted">{t('boards.vote.noVotes')}</p> : null}
      <ol className="board-result-list" data-testid="vote-results">
        {ranked.map(([id, count]) => {
          const shape = byId.get(id);
          return (
            <li key={id} data-testid="vote-result-item" data-shape-id={id} data-count={count}>
              <span className="board-result-count">{t('boards.vote.dots', { count })}</span>{' '}
              {shape ? (
                <button type="button" className="link-button" onClick={() => onShow(id)}>
                  {textOf(shape) || t(`boards.types.${shape.type}`)}
                </button>
              ) : (
                <span className="muted">{t('boards.vote.deleted')}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
