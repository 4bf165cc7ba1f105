import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LIMITS, type BoardSettings } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';

interface Props {
  settings: BoardSettings;
  hasSelection: boolean;
  /** Every selected shape is locked (the button then unlocks). */
  selectionLocked: boolean;
  onLockShapes: (locked: boolean) => void;
  onLockBoard: (locked: boolean) => void;
  onTimerStart: (seconds: number) => void;
  onTimerStop: () => void;
  onBringEveryone: () => void;
  onOpenVote: (votesPerMember: number) => void;
  onCloseVote: () => void;
  votePending: boolean;
  voteError: unknown;
}

const MAX_MINUTES = Math.floor(BOARD_LIMITS.timerSeconds.max / 60);

/** The facilitator's controls: locks, timer, "bring everyone to me", dot voting. */
export function FacilitationPanel(props: Props) {
  const { t } = useTranslation();
  const { settings } = props;
  const [minutes, setMinutes] = useState('5');
  const [perMember, setPerMember] = useState('3');
  const boardLocked = settings.locked === true;
  const timerRunning = Boolean(settings.timer?.endsAt);
  const voteOpen = settings.vote?.open === true;

  const minutesValue = Number(minutes);
  const minutesValid = Number.isInteger(minutesValue) && minutesValue >= 1 && minutesValue <= MAX_MINUTES;
  const perMemberValue = Number(perMember);
  const perMemberValid =
    Number.isInteger(perMemberValue) && perMemberValue >= BOARD_LIMITS.votesPerMember.min && perMemberValue <= BOARD_LIMITS.votesPerMember.max;

  const startTimer = (e: FormEvent) => {
    e.preventDefault();
    if (minutesValid) props.onTimerStart(minutesValue * 60);
  };
  const openVote = (e: FormEvent) => {
    e.preventDefault();
    if (perMemberValid) props.onOpenVote(perMemberValue);
  };

  return (
    <section className="side-panel board-facilitation" aria-labelledby="board-facilitation-title">
      <h2 id="board-facilitation-title" className="h3">
        {t('boards.facilitation.title')}
      </h2>
      <div className="button-row">
        <button type="button" className="button button-secondary button-small" data-testid="bring-everyone" onClick={props.onBringEveryone}>
          {t('boards.facilitation.bringEveryone')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          data-testid="lock-board"
          aria-pressed={boardLocked}
          onClick={() => props.onLockBoard(!boardLocked)}
        >
          {boardLocked ? t('boards.facilitation.unlockBoard') : t('boards.facilitation.lockBoard')}
        </button>
        <button
          type="button"
          className="button button-secondary button-small"
          data-testid="lock-shape"
          disabled={!props.hasSelection}
          onClick={() => props.onLockShapes(!props.selectionLocked)}
        >
          {props.hasSelection && props.selectionLocked ? t('boards.facilitation.unlockShapes') : t('boards.facilitation.lockShapes')}
        </button>
      </div>

      <h3 className="board-subtitle">{t('boards.timer.title')}</h3>
      <form className="board-inline-form" onSubmit={startTimer} noValidate>
        <label htmlFor="board-timer-minutes">{t('boards.timer.minutes')}</label>
        <input
          id="board-timer-minutes"
          data-testid="timer-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          value={minutes}
          aria-invalid={!minutesValid || undefined}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" className="button button-small" data-testid="timer-start" disabled={!minutesValid}>
          {timerRunning ? t('boards.timer.restart') : t('boards.timer.start')}
        </button>
        {timerRunning ? (
          <button type="button" className="button button-secondary button-small" data-testid="timer-stop" onClick={props.onTimerStop}>
            {t('boards.timer.stop')}
          </button>
        ) : null}
      </form>

      <h3 className="board-subtitle">{t('boards.vote.title')}</h3>
      {voteOpen ? (
        <div className="button-row">
          <button type="button" className="button button-small" data-testid="vote-close" disabled={props.votePending} onClick={props.onCloseVote}>
            {t('boards.vote.close')}
          </button>
        </div>
      ) : (
        <form className="board-inline-form" onSubmit={openVote} noValidate>
          <label htmlFor="board-vote-per-member">{t('boards.vote.perMember')}</label>
          <input
            id="board-vote-per-member"
            data-testid="vote-per-member"
            type="number"
            inputMode="numeric"
            min={BOARD_LIMITS.votesPerMember.min}
            max={BOARD_LIMITS.votesPerMember.max}
            value={perMember}
            aria-invalid={!perMemberValid || undefined}
            onChange={(e) => setPerMember(e.target.value)}
          />
          <button type="submit" className="button button-small" data-testid="vote-open" disabled={!perMemberValid || props.votePending}>
            {t('boards.vote.open')}
          </button>
        </form>
      )}
      <ErrorAlert error={props.voteError} />
    </section>
  );
}
