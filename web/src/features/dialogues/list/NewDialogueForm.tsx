import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, MODERATION_MODES, type Member, type ModerationMode } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useAction } from '../../../lib/useAction.js';
import { asLanguage } from '../../reflections/labels.js';
import { dialoguesApi } from '../api.js';
import { SLOW_MODE_CHOICES, slowModeParts } from '../labels.js';
import { DialogueBasicsFields, useBasicsForm, useSuggestedRules } from './DialogueBasicsFields.js';
import { clampInt, flagThresholdOf } from './dialogueBasics.js';
import { MemberPicker } from './MemberPicker.js';

const PREFIX = 'dialogue-new';

interface Props {
  labId: string;
  /** The lab's members who can take part (observers and I left out). */
  members: Member[];
  onCancel: () => void;
}

/** A facilitator opens a dialogue: title, languages, ground rules (a suggested text to adapt), moderation, people. */
export function NewDialogueForm({ labId, members, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const uiLanguage = asLanguage(i18n.language);
  const suggested = useSuggestedRules();
  const { basics, change, invalid, check } = useBasicsForm(PREFIX, () => ({
    title: '',
    languages: [uiLanguage],
    rules: suggested([uiLanguage]),
    rulesEdited: false,
    flagThreshold: String(DIALOGUE_LIMITS.flagThreshold.default),
  }));
  const [mode, setMode] = useState<ModerationMode>('pre');
  const [firstN, setFirstN] = useState(String(DIALOGUE_LIMITS.firstN.default));
  const [slow, setSlow] = useState(0);
  const [participants, setParticipants] = useState<Set<string>>(new Set());
  const [moderators, setModerators] = useState<Set<string>>(new Set());
  const action = useAction();

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check()) return;
    const created = await action.run(() =>
      dialoguesApi.create(labId, {
        title: basics.title.trim(),
        groundRules: basics.rules.trim(),
        languages: basics.languages,
        mode,
        firstN: clampInt(firstN, DIALOGUE_LIMITS.firstN.min, DIALOGUE_LIMITS.firstN.max, DIALOGUE_LIMITS.firstN.default),
        slowModeSeconds: slow,
        flagThreshold: flagThresholdOf(basics),
        participantIds: [...participants].filter((id) => !moderators.has(id)),
        moderatorIds: [...moderators],
      }),
    );
    if (created) navigate(`/labs/${encodeURIComponent(labId)}/dialogues/${encodeURIComponent(created.id)}`);
  }

  const firstNCount = clampInt(firstN, DIALOGUE_LIMITS.firstN.min, DIALOGUE_LIMITS.firstN.max, DIALOGUE_LIMITS.firstN.default);
  return (
    <form className="form dlg-new-form" onSubmit={submit} noValidate aria-labelledby="new-dialogue-title">
      <DialogueBasicsFields prefix={PREFIX} value={basics} onChange={change} suggest={suggested} invalid={invalid} autoFocus />
      <div className="field">
        <label htmlFor="dialogue-new-mode">{t('dialogues.controls.mode')}</label>
        <select id="dialogue-new-mode" data-testid="dialogue-new-mode" value={mode} onChange={(e) => setMode(e.target.value as ModerationMode)}>
          {MODERATION_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`dialogues.mode.${m}`)}
            </option>
          ))}
        </select>
        <span className="hint">{t(`dialogues.modeHint.${mode}`, { count: firstNCount })}</span>
      </div>
      {mode === 'first_n' ? (
        <div className="field">
          <label htmlFor="dialogue-new-first-n">{t('dialogues.controls.firstN')}</label>
          <input
            id="dialogue-new-first-n"
            data-testid="dialogue-new-first-n"
            type="number"
            inputMode="numeric"
            min={DIALOGUE_LIMITS.firstN.min}
            max={DIALOGUE_LIMITS.firstN.max}
            value={firstN}
            onChange={(e) => setFirstN(e.target.value)}
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="dialogue-new-slow-mode">{t('dialogues.controls.slowMode')}</label>
        <span className="hint">{t('dialogues.controls.slowModeHint')}</span>
        <select id="dialogue-new-slow-mode" data-testid="dialogue-new-slow-mode" value={slow} onChange={(e) => setSlow(Number(e.target.value))}>
          {SLOW_MODE_CHOICES.map((s) => {
            const { key, values } = slowModeParts(s);
            return (
              <option key={s} value={s}>
                {t(key, values ?? {})}
              </option>
            );
          })}
        </select>
      </div>
      <h3>{t('dialogues.new.people')}</h3>
      <p className="hint">{t('dialogues.new.peopleHint')}</p>
      <MemberPicker
        members={members}
        participants={participants}
        moderators={moderators}
        onToggleParticipant={(id, on) => {
          setParticipants((s) => toggle(s, id, on));
          if (!on) setModerators((s) => toggle(s, id, false));
        }}
        onToggleModerator={(id, on) => {
          setModerators((s) => toggle(s, id, on));
          if (on) setParticipants((s) => toggle(s, id, true));
        }}
      />
      <ErrorAlert error={action.error} />
      <div className="button-row">
        <button type="submit" className="button" data-testid="dialogue-new-submit" disabled={action.pending}>
          {action.pending ? t('dialogues.new.creating') : t('dialogues.new.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
