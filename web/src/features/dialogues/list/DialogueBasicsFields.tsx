import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_LIMITS, LANGUAGES, type Language } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { TextField } from '../../../components/TextField.js';
import { asLanguage } from '../../reflections/labels.js';
import { defaultGroundRules } from '../labels.js';
import { basicsProblem, focusProblem, type BasicsProblem, type DialogueBasics } from './dialogueBasics.js';

/**
 * The state of the fields in a form: the values, the problem shown (it follows the typing once shown, and goes when
 * fixed), and `check()` before sending (false, with the keyboard on the problem, when something must be fixed).
 */
export function useBasicsForm(prefix: string, initial: () => DialogueBasics) {
  const [basics, setBasics] = useState<DialogueBasics>(initial);
  const [invalid, setInvalid] = useState<BasicsProblem | null>(null);
  const change = (next: DialogueBasics) => {
    setBasics(next);
    if (invalid) setInvalid(basicsProblem(next));
  };
  const check = () => {
    const problem = basicsProblem(basics);
    setInvalid(problem);
    if (problem) focusProblem(prefix, problem);
    return problem === null;
  };
  return { basics, change, invalid, check };
}

/** The suggested ground rules for some languages, in each of them (none chosen: the interface's language). */
export function useSuggestedRules(): (languages: readonly Language[]) => string {
  const { i18n } = useTranslation();
  const uiLanguage = asLanguage(i18n.language);
  return (languages) =>
    defaultGroundRules(languages.length ? languages : [uiLanguage], uiLanguage, (l) => i18n.getFixedT(l)('dialogues.new.defaultGroundRules'));
}

interface Props {
  /** Ids and test ids start with it (`dialogue-new`, `dialogue-edit`). */
  prefix: string;
  value: DialogueBasics;
  onChange: (next: DialogueBasics) => void;
  /** The suggested ground rules for these languages (useSuggestedRules). */
  suggest: (languages: readonly Language[]) => string;
  invalid: BasicsProblem | null;
  autoFocus?: boolean;
  /** Under the ground rules (e.g. that changing them asks everyone to accept them again). */
  rulesNote?: string;
}

export function DialogueBasicsFields({ prefix, value, onChange, suggest, invalid, autoFocus, rulesNote }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<DialogueBasics>) => onChange({ ...value, ...change });

  function toggleLanguage(l: Language, on: boolean) {
    const languages = LANGUAGES.filter((x) => (x === l ? on : value.languages.includes(x)));
    // The suggested rules follow the languages until the facilitator writes their own.
    set(!value.rulesEdited && languages.length > 0 ? { languages, rules: suggest(languages) } : { languages });
  }

  return (
    <>
      <TextField
        autoFocus={autoFocus}
        id={`${prefix}-title`}
        label={t('dialogues.new.titleLabel')}
        hint={t('dialogues.new.titleHint')}
        value={value.title}
        maxLength={DIALOGUE_LIMITS.title.max}
        onChange={(title) => set({ title })}
        error={invalid === 'title' ? { key: 'dialogues.new.titleTooShort', values: { min: DIALOGUE_LIMITS.title.min } } : null}
      />
      <fieldset className="field" aria-describedby={invalid === 'languages' ? `${prefix}-languages-error` : undefined}>
        <legend>{t('dialogues.new.languages')}</legend>
        <span className="hint">{t('dialogues.new.languagesHint')}</span>
        <div className="checkbox-row">
          {LANGUAGES.map((l) => (
            <label key={l} className="checkbox">
              <input
                type="checkbox"
                id={`${prefix}-language-${l}`}
                data-testid={`${prefix}-language-${l}`}
                checked={value.languages.includes(l)}
                onChange={(e) => toggleLanguage(l, e.target.checked)}
              />
              {t(`languages.${l}`)}
            </label>
          ))}
        </div>
        {invalid === 'languages' ? <ErrorAlert error={null} messageKey="dialogues.new.languagesNone" id={`${prefix}-languages-error`} /> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={`${prefix}-ground-rules`}>{t('dialogues.new.groundRules')}</label>
        <span className="hint" id={`${prefix}-ground-rules-hint`}>
          {t('dialogues.new.groundRulesHint')}
          {rulesNote ? ` ${rulesNote}` : null}
        </span>
        <textarea
          id={`${prefix}-ground-rules`}
          data-testid={`${prefix}-ground-rules`}
          rows={9}
          maxLength={DIALOGUE_LIMITS.groundRules.max}
          value={value.rules}
          aria-describedby={`${prefix}-ground-rules-hint`}
          aria-invalid={invalid === 'rules' || undefined}
          onChange={(e) => set({ rules: e.target.value, rulesEdited: true })}
        />
        {value.rulesEdited ? (
          <button
            type="button"
            className="link-button"
            data-testid={`${prefix}-ground-rules-reset`}
            onClick={() => set({ rules: suggest(value.languages), rulesEdited: false })}
          >
            {t('dialogues.new.groundRulesReset')}
          </button>
        ) : null}
        {invalid === 'rules' ? <ErrorAlert error={null} messageKey="dialogues.new.groundRulesEmpty" /> : null}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-flag-threshold`}>{t('dialogues.new.flagThreshold')}</label>
        <span className="hint">{t('dialogues.new.flagThresholdHint')}</span>
        <input
          id={`${prefix}-flag-threshold`}
          data-testid={`${prefix}-flag-threshold`}
          type="number"
          inputMode="numeric"
          min={DIALOGUE_LIMITS.flagThreshold.min}
          max={DIALOGUE_LIMITS.flagThreshold.max}
          value={value.flagThreshold}
          onChange={(e) => set({ flagThreshold: e.target.value })}
        />
      </div>
    </>
  );
}
