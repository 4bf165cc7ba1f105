import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, LANGUAGES, MODERATION_MODES, type Language, type Member, type ModerationMode } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { TextField } from '../../../components/TextField.js';
import { useAction } from '../../../lib/useAction.js';
import { asLanguage } from '../../reflections/labels.js';
import { dialoguesApi } from '../api.js';
import { SLOW_MODE_CHOICES, defaultGroundRules, slowModeParts } from '../labels.js';
import { MemberPicker } from './MemberPicker.js';

interface Props {
  labId: string;
  /** The lab's members who can take part (observers and I left out). */
  members: Member[];
  onCancel: () => void;
}

const clampInt = (value: string, min: number, max: number, fallback: number) => Math.min(max, Math.max(min, Number.parseInt(value, 10) || fallback));

/** A facilitator opens a dialogue: title, languages, ground rules (a suggested text to adapt), moderation, people. */
export function NewDialogueForm({ labId, members, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const uiLanguage = asLanguage(i18n.language);
  const suggested = (languages: readonly Language[]) =>
    defaultGroundRules(languages, uiLanguage, (l) => i18n.getFixedT(l)('dialogues.new.defaultGroundRules'));
  const [title, setTitle] = useState('');
  const [languages, setLanguages] = useState<Language[]>([uiLanguage]);
  const [rules, setRules] = useState(() => suggested([uiLanguage]));
  const [rulesEdited, setRulesEdited] = useState(false);
  const [mode, setMode] = useState<ModerationMode>('pre');
  const [firstN, setFirstN] = useState(String(DIALOGUE_LIMITS.firstN.default));
  const [slow, setSlow] = useState(0);
  const [flagThreshold, setFlagThreshold] = useState(String(DIALOGUE_LIMITS.flagThreshold.default));
  const [participants, setParticipants] = useState<Set<string>>(new Set());
  const [moderators, setModerators] = useState<Set<string>>(new Set());
  const [invalid, setInvalid] = useState<'title' | 'languages' | 'rules' | null>(null);
  const action = useAction();

  function toggleLanguage(l: Language, on: boolean) {
    const next = LANGUAGES.filter((x) => (x === l ? on : languages.includes(x)));
    setLanguages(next);
    // The suggested rules follow the languages until the facilitator writes their own.
    if (!rulesEdited && next.length > 0) setRules(suggested(next));
  }

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    const problem = trimmed.length < DIALOGUE_LIMITS.title.min ? 'title' : languages.length === 0 ? 'languages' : !rules.trim() ? 'rules' : null;
    setInvalid(problem);
    if (problem) {
      document.getElementById(problem === 'title' ? 'dialogue-new-title' : problem === 'languages' ? `dialogue-new-language-${LANGUAGES[0]}` : 'dialogue-new-ground-rules')?.focus();
      return;
    }
    const created = await action.run(() =>
      dialoguesApi.create(labId, {
        title: trimmed,
        groundRules: rules.trim(),
        languages,
        mode,
        firstN: clampInt(firstN, DIALOGUE_LIMITS.firstN.min, DIALOGUE_LIMITS.firstN.max, DIALOGUE_LIMITS.firstN.default),
        slowModeSeconds: slow,
        flagThreshold: clampInt(flagThreshold, DIALOGUE_LIMITS.flagThreshold.min, DIALOGUE_LIMITS.flagThreshold.max, DIALOGUE_LIMITS.flagThreshold.default),
        participantIds: [...participants].filter((id) => !moderators.has(id)),
        moderatorIds: [...moderators],
      }),
    );
    if (created) navigate(`/labs/${encodeURIComponent(labId)}/dialogues/${encodeURIComponent(created.id)}`);
  }

  const firstNCount = clampInt(firstN, DIALOGUE_LIMITS.firstN.min, DIALOGUE_LIMITS.firstN.max, DIALOGUE_LIMITS.firstN.default);
  return (
    <form className="form dlg-new-form" onSubmit={submit} noValidate aria-labelledby="new-dialogue-title">
      <TextField
        autoFocus
        id="dialogue-new-title"
        label={t('dialogues.new.titleLabel')}
        hint={t('dialogues.new.titleHint')}
        value={title}
        maxLength={DIALOGUE_LIMITS.title.max}
        onChange={setTitle}
        error={invalid === 'title' ? { key: 'dialogues.new.titleTooShort', values: { min: DIALOGUE_LIMITS.title.min } } : null}
      />
      <fieldset className="field" aria-describedby={invalid === 'languages' ? 'dialogue-new-languages-error' : undefined}>
        <legend>{t('dialogues.new.languages')}</legend>
        <span className="hint">{t('dialogues.new.languagesHint')}</span>
        <div className="checkbox-row">
          {LANGUAGES.map((l) => (
            <label key={l} className="checkbox">
              <input
                type="checkbox"
                id={`dialogue-new-language-${l}`}
                data-testid={`dialogue-new-language-${l}`}
                checked={languages.includes(l)}
                onChange={(e) => toggleLanguage(l, e.target.checked)}
              />
              {t(`languages.${l}`)}
            </label>
          ))}
        </div>
        {invalid === 'languages' ? <ErrorAlert error={null} messageKey="dialogues.new.languagesNone" id="dialogue-new-languages-error" /> : null}
      </fieldset>
      <div className="field">
        <label htmlFor="dialogue-new-ground-rules">{t('dialogues.new.groundRules')}</label>
        <span className="hint" id="dialogue-new-ground-rules-hint">
          {t('dialogues.new.groundRulesHint')}
        </span>
        <textarea
          id="dialogue-new-ground-rules"
          data-testid="dialogue-new-ground-rules"
          rows={9}
          maxLength={DIALOGUE_LIMITS.groundRules.max}
          value={rules}
          aria-describedby="dialogue-new-ground-rules-hint"
          aria-invalid={invalid === 'rules' || undefined}
          onChange={(e) => {
            setRules(e.target.value);
            setRulesEdited(true);
          }}
        />
        {rulesEdited ? (
          <button
            type="button"
            className="link-button"
            data-testid="dialogue-new-ground-rules-reset"
            onClick={() => {
              setRules(suggested(languages.length ? languages : [uiLanguage]));
              setRulesEdited(false);
            }}
          >
            {t('dialogues.new.groundRulesReset')}
          </button>
        ) : null}
        {invalid === 'rules' ? <ErrorAlert error={null} messageKey="dialogues.new.groundRulesEmpty" /> : null}
      </div>
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
      <div className="field">
        <label htmlFor="dialogue-new-flag-threshold">{t('dialogues.new.flagThreshold')}</label>
        <span className="hint">{t('dialogues.new.flagThresholdHint')}</span>
        <input
          id="dialogue-new-flag-threshold"
          data-testid="dialogue-new-flag-threshold"
          type="number"
          inputMode="numeric"
          min={DIALOGUE_LIMITS.flagThreshold.min}
          max={DIALOGUE_LIMITS.flagThreshold.max}
          value={flagThreshold}
          onChange={(e) => setFlagThreshold(e.target.value)}
        />
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
