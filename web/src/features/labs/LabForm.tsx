import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LIMITS, type CreateLabRequest, type Language, type Lab } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';

interface Props {
  /** The lab being edited; a new lab when absent. */
  lab?: Lab;
  submitLabel: string;
  pendingLabel: string;
  submitTestId: string;
  onSubmit: (values: Required<CreateLabRequest>) => Promise<unknown>;
  onCancel?: () => void;
}

type Problem = 'nameTooShort' | 'languagesRequired' | null;

/** Name, languages, description and ground rules of a lab: used to create one and to edit it. */
export function LabForm({ lab, submitLabel, pendingLabel, submitTestId, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(lab?.name ?? '');
  const [description, setDescription] = useState(lab?.description ?? '');
  const [groundRules, setGroundRules] = useState(lab?.groundRules ?? '');
  const [languages, setLanguages] = useState<Language[]>(lab?.languages ?? []);
  const [problem, setProblem] = useState<Problem>(null);
  const action = useAction();
  const prefix = lab ? 'lab-edit' : 'lab';

  function toggle(language: Language, checked: boolean) {
    setLanguages((current) =>
      checked ? LANGUAGES.filter((l) => l === language || current.includes(l)) : current.filter((l) => l !== language),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem =
      name.trim().length < LIMITS.labName.min ? 'nameTooShort' : languages.length === 0 ? 'languagesRequired' : null;
    setProblem(found);
    if (found) return;
    await action.run(() =>
      onSubmit({ name: name.trim(), languages, description: description.trim(), groundRules: groundRules.trim() }),
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${prefix}-name`}>{t('labForm.name')}</label>
        <input
          id={`${prefix}-name`}
          data-testid="lab-name"
          required
          maxLength={LIMITS.labName.max}
          aria-invalid={problem === 'nameTooShort' || undefined}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <fieldset className="field">
        <legend>{t('labForm.languages')}</legend>
        <p className="hint">{t('labForm.languagesHint')}</p>
        <div className="checkbox-row">
          {LANGUAGES.map((language) => (
            <label key={language} className="checkbox">
              <input
                type="checkbox"
                data-testid={`lab-language-${language}`}
                checked={languages.includes(language)}
                onChange={(e) => toggle(language, e.target.checked)}
              />
              {t(`languages.${language}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>{t('labForm.description')}</label>
        <p className="hint" id={`${prefix}-description-hint`}>
          {t('labForm.descriptionHint')}
        </p>
        <textarea
          id={`${prefix}-description`}
          data-testid="lab-description"
          rows={4}
          maxLength={LIMITS.labDescription}
          aria-describedby={`${prefix}-description-hint`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-ground-rules`}>{t('labForm.groundRules')}</label>
        <p className="hint" id={`${prefix}-ground-rules-hint`}>
          {t('labForm.groundRulesHint')}
        </p>
        <textarea
          id={`${prefix}-ground-rules`}
          data-testid="lab-ground-rules"
          rows={5}
          maxLength={LIMITS.labGroundRules}
          aria-describedby={`${prefix}-ground-rules-hint`}
          value={groundRules}
          onChange={(e) => setGroundRules(e.target.value)}
        />
      </div>
      {problem ? <ErrorAlert error={null} messageKey={`labForm.${problem}`} values={{ min: LIMITS.labName.min }} /> : null}
      <ErrorAlert error={action.error} />
      <div className="button-row">
        <button type="submit" className="button" data-testid={submitTestId} disabled={action.pending}>
          {action.pending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
