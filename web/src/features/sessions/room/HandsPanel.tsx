import { useTranslation } from 'react-i18next';
import type { LiveState } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatClockTime } from '../time.js';
import { myHand } from '../live.js';

interface Props {
  state: LiveState;
  myMemberId: string;
  timeZone: string;
  facilitator: boolean;
  /** Observers follow the room without raising their hand. */
  canRaise: boolean;
  pending: boolean;
  error: unknown;
  onHand: (raised: boolean) => void;
  onLower: (memberId: string) => void;
}

/** Raised hands in the order they went up; my own hand to raise or lower; facilitators lower anyone's. */
export function HandsPanel({ state, myMemberId, timeZone, facilitator, canRaise, pending, error, onHand, onLower }: Props) {
  const { t, i18n } = useTranslation();
  const mine = myHand(state, myMemberId);
  return (
    <section className="side-panel session-hands" aria-labelledby="session-hands-title" data-testid="session-hands">
      <h2 id="session-hands-title" className="h3">
        {t('sessions.hands.title', { count: state.hands.length })}
      </h2>
      {mine.raised ? (
        <>
          <p className="session-hand-mine" data-testid="hand-position" data-position={mine.position}>
            {t('sessions.hands.position', { position: mine.position })}
          </p>
          <button type="button" className="button button-secondary" data-testid="hand-lower" disabled={pending} onClick={() => onHand(false)}>
            {t('sessions.hands.lower')}
          </button>
        </>
      ) : canRaise ? (
        <button type="button" className="button" data-testid="hand-raise" disabled={pending} onClick={() => onHand(true)}>
          {t('sessions.hands.raise')}
        </button>
      ) : null}
      <ErrorAlert error={error} />
      {state.hands.length === 0 ? (
        <p className="muted" data-testid="hands-empty">
          {t('sessions.hands.none')}
        </p>
      ) : (
        <ol className="session-hands-list" data-testid="hands-list">
          {state.hands.map((hand) => (
            <li key={hand.memberId} data-testid="hand-entry" data-member-id={hand.memberId}>
              <span className="session-hand-name" translate="no">
                {hand.memberId === myMemberId ? t('collab.you', { name: hand.displayName }) : hand.displayName}
              </span>
              <span className="session-hand-time">
                <time dateTime={hand.raisedAt}>{formatClockTime(hand.raisedAt, i18n.language, timeZone)}</time>
              </span>
              {facilitator && hand.memberId !== myMemberId ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  data-testid="hand-lower-other"
                  disabled={pending}
                  aria-label={t('sessions.hands.lowerOf', { name: hand.displayName })}
                  onClick={() => onLower(hand.memberId)}
                >
                  {t('sessions.hands.lowerOther')}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
