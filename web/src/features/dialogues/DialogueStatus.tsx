import { useTranslation } from 'react-i18next';
import type { DialogueDetail } from '@relab/shared';
import type { LiveStatus } from '../../live/useLiveTopic.js';
import { slowModeParts } from './labels.js';

interface Props {
  dialogue: DialogueDetail;
  live: LiveStatus;
  simple: boolean;
  /** The last fetch failed (tried again by itself). */
  behind: boolean;
}

/** Title, and in plain words what matters right now: paused (and why), slow mode, the connection. */
export function DialogueStatus({ dialogue, live, simple, behind }: Props) {
  const { t } = useTranslation();
  const slow = slowModeParts(dialogue.slowModeSeconds);
  const offline = live === 'offline' || behind;
  return (
    <header className="dlg-header">
      <h1 data-testid="dialogue-title">{dialogue.title}</h1>
      {!simple ? (
        <dl className="facts">
          <div>
            <dt>{t('dialogues.list.languages')}</dt>
            <dd>{dialogue.languages.map((l) => t(`languages.${l}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('dialogues.list.mode')}</dt>
            <dd data-testid="dialogue-mode-value">{t(`dialogues.mode.${dialogue.mode}`)}</dd>
          </div>
          <div>
            <dt>{t('dialogues.list.people')}</dt>
            <dd>{dialogue.participants.length}</dd>
          </div>
        </dl>
      ) : null}
      <div className="dlg-banners" role="status" aria-live="polite">
        {dialogue.paused ? (
          <p className="alert alert-warning dlg-paused" data-testid="dialogue-paused">
            <strong>{t('dialogues.banner.paused')}</strong>
            {dialogue.pauseReason ? <span> {t('dialogues.banner.pausedReason', { reason: dialogue.pauseReason })}</span> : null}
            {!dialogue.me.moderator ? <span> {t('dialogues.banner.pausedWait')}</span> : null}
          </p>
        ) : null}
        {dialogue.slowModeSeconds > 0 ? (
          <p className="alert alert-info dlg-slow" data-testid="dialogue-slow-mode-note">
            {t('dialogues.banner.slowMode', { time: t(slow.key, slow.values ?? {}) })}
          </p>
        ) : null}
        {offline ? (
          <p className="alert alert-warning" data-testid="dialogue-offline">
            {t('dialogues.banner.offline')}
          </p>
        ) : null}
      </div>
      {!simple ? (
        <p className={`collab-status dlg-live dlg-live-${live}`} data-testid="dialogue-live-status" data-status={live}>
          <span className="collab-status-dot" aria-hidden="true" />
          {t(`dialogues.live.${live}`)}
        </p>
      ) : (
        <span className="visually-hidden" data-testid="dialogue-live-status" data-status={live} />
      )}
    </header>
  );
}
