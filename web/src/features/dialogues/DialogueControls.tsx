import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, MODERATION_MODES, type DialogueDetail, type ModerationMode, type UpdateDialogueRequest } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';
import { SLOW_MODE_CHOICES, slowModeParts } from './labels.js';

interface Props {
  dialogue: DialogueDetail;
  onUpdate: (patch: UpdateDialogueRequest) => Promise<unknown>;
}

/** Moderators hold the room: pause (with a reason everyone sees) and resume, slow mode, how messages are moderated. */
export function DialogueControls({ dialogue, onUpdate }: Props) {
  const { t } = useTranslation();
  const pause = useAction();
  const settings = useAction();
  const [reason, setReason] = useState('');
  const [mode, setMode] = useState<ModerationMode>(dialogue.mode);
  const [firstN, setFirstN] = useState(String(dialogue.firstN));
  const [saved, setSaved] = useState(false);
  const slowChoices = SLOW_MODE_CHOICES.includes(dialogue.slowModeSeconds as (typeof SLOW_MODE_CHOICES)[number])
    ? SLOW_MODE_CHOICES
    : [...SLOW_MODE_CHOICES, dialogue.slowModeSeconds].sort((a, b) => a - b);
  const slowLabel = (seconds: number) => {
    const { key, values } = slowModeParts(seconds);
    return t(key, values ?? {});
  };

  async function togglePause() {
    const patch: UpdateDialogueRequest = dialogue.paused ? { paused: false, pauseReason: null } : { paused: true, pauseReason: reason.trim() || null };
    const done = await pause.run(() => onUpdate(patch));
    if (done !== undefined && !dialogue.paused) setReason('');
  }

  async function saveMode(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const n = Math.min(DIALOGUE_LIMITS.firstN.max, Math.max(DIALOGUE_LIMITS.firstN.min, Number.parseInt(firstN, 10) || DIALOGUE_LIMITS.firstN.default));
    setFirstN(String(n));
    const done = await settings.run(() => onUpdate(mode === 'first_n' ? { mode, firstN: n } : { mode }));
    if (done !== undefined) setSaved(true);
  }

  return (
    <section className="side-panel dlg-panel" aria-labelledby="dlg-controls-title" data-testid="dialogue-controls">
      <h2 id="dlg-controls-title">{t('dialogues.controls.title')}</h2>

      {!dialogue.paused ? (
        <div className="field">
          <label htmlFor="dlg-pause-reason">{t('dialogues.controls.pauseReason')}</label>
          <input
            id="dlg-pause-reason"
            data-testid="dialogue-pause-reason"
            value={reason}
            maxLength={DIALOGUE_LIMITS.pauseReason.max}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      ) : null}
      <p className="dlg-control-row">
        <button
          type="button"
          className={dialogue.paused ? 'button' : 'button button-danger-outline'}
          data-testid="dialogue-pause-toggle"
          data-paused={dialogue.paused}
          aria-pressed={dialogue.paused}
          disabled={pause.pending}
          onClick={() => void togglePause()}
        >
          {dialogue.paused ? t('dialogues.controls.resume') : t('dialogues.controls.pause')}
        </button>
      </p>
      <ErrorAlert error={pause.error} />

      <div className="field">
        <label htmlFor="dlg-slow-mode">{t('dialogues.controls.slowMode')}</label>
        <span className="hint" id="dlg-slow-mode-hint">
          {t('dialogues.controls.slowModeHint')}
        </span>
        <select
          id="dlg-slow-mode"
          data-testid="dialogue-slow-mode"
          aria-describedby="dlg-slow-mode-hint"
          value={dialogue.slowModeSeconds}
          disabled={settings.pending}
          onChange={(e) => void settings.run(() => onUpdate({ slowModeSeconds: Number(e.target.value) }))}
        >
          {slowChoices.map((s) => (
            <option key={s} value={s}>
              {slowLabel(s)}
            </option>
          ))}
        </select>
      </div>

      <form className="dlg-mode-form" onSubmit={saveMode} noValidate>
        <div className="field">
          <label htmlFor="dlg-mode">{t('dialogues.controls.mode')}</label>
          <select id="dlg-mode" data-testid="dialogue-mode" value={mode} onChange={(e) => setMode(e.target.value as ModerationMode)}>
            {MODERATION_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`dialogues.mode.${m}`)}
              </option>
            ))}
          </select>
          <span className="hint">{t(`dialogues.modeHint.${mode}`, { count: Number.parseInt(firstN, 10) || DIALOGUE_LIMITS.firstN.default })}</span>
        </div>
        {mode === 'first_n' ? (
          <div className="field">
            <label htmlFor="dlg-first-n">{t('dialogues.controls.firstN')}</label>
            <input
              id="dlg-first-n"
              data-testid="dialogue-first-n"
              type="number"
              inputMode="numeric"
              min={DIALOGUE_LIMITS.firstN.min}
              max={DIALOGUE_LIMITS.firstN.max}
              value={firstN}
              onChange={(e) => setFirstN(e.target.value)}
            />
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-secondary" data-testid="dialogue-mode-save" disabled={settings.pending}>
            {t('dialogues.controls.saveMode')}
          </button>
        </div>
        <p className="notice-slot" role="status" aria-live="polite">
          {saved ? t('dialogues.controls.saved') : ''}
        </p>
      </form>
      <ErrorAlert error={settings.error} />
    </section>
  );
}
