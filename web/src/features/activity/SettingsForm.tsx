import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INTERACTION_KINDS,
  K_ANONYMITY_RANGE,
  MAX_INTERACTION_WEIGHT,
  STAKEHOLDER_GROUPS,
  STAKEHOLDER_KEYS,
  type ActivitySettings,
  type PowerTier,
  type StakeholderGroup,
} from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { useAction } from '../../lib/useAction.js';
import { activityApi } from './api.js';
import { MappingTableHead } from './MappingTableHead.js';
import { useKeyLabel } from './useKeyLabel.js';
import { POWER_TIER_VALUES, changedKeys, draftErrors, draftFrom, updateFrom, type SettingsDraft, type SettingsErrors } from './settings.js';

interface Props {
  labId: string;
  settings: ActivitySettings;
  onSaved: (settings: ActivitySettings) => void;
  onCancel: () => void;
}

/** Facilitators: weights, k, the language rule and the mapping overrides (PUT /settings). */
export function SettingsForm({ labId, settings, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const keyLabel = useKeyLabel();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const save = useAction();
  const changed = new Set(changedKeys(draft.mapping));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = draftErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.getElementById(first === 'kAnonymity' ? 'activity-k' : `activity-weight-${first}`)?.focus();
      return;
    }
    const result = await save.run(() => activityApi.putSettings(labId, updateFrom(draft)));
    if (result) onSaved(result);
  }

  const fieldError = (key: keyof SettingsErrors, id: string) =>
    errors[key] === 'k' ? (
      <ErrorAlert error={null} id={id} messageKey="activity.settings.errors.k" values={{ min: K_ANONYMITY_RANGE.min, max: K_ANONYMITY_RANGE.max }} />
    ) : errors[key] === 'weight' ? (
      <ErrorAlert error={null} id={id} messageKey="activity.settings.errors.weight" values={{ max: MAX_INTERACTION_WEIGHT }} />
    ) : null;

  return (
    <form className="activity-settings" onSubmit={submit} noValidate data-testid="activity-settings-form">
      <h3>{t('activity.settings.title')}</h3>
      {Object.keys(errors).length > 0 ? <ErrorAlert error={null} messageKey="activity.settings.errors.form" /> : null}
      <fieldset className="field">
        <legend>{t('activity.settings.weights')}</legend>
        <p className="hint">{t('activity.settings.weightsHint', { max: MAX_INTERACTION_WEIGHT })}</p>
        <div className="activity-weights">
          {INTERACTION_KINDS.map((kind) => (
            <div className="field" key={kind}>
              <label htmlFor={`activity-weight-${kind}`}>{t(`activity.interactions.${kind}`)}</label>
              <input
                id={`activity-weight-${kind}`}
                data-testid={`activity-weight-${kind}`}
                type="number"
                inputMode="decimal"
                min={0}
                max={MAX_INTERACTION_WEIGHT}
                step={0.5}
                value={draft.weights[kind]}
                aria-invalid={errors[kind] ? true : undefined}
                aria-describedby={errors[kind] ? `activity-weight-${kind}-error` : undefined}
                onChange={(e) => setDraft({ ...draft, weights: { ...draft.weights, [kind]: e.target.value } })}
              />
              {fieldError(kind, `activity-weight-${kind}-error`)}
            </div>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="activity-k">{t('activity.settings.kAnonymity')}</label>
        <p className="hint" id="activity-k-hint">
          {t('activity.settings.kHint', { min: K_ANONYMITY_RANGE.min, max: K_ANONYMITY_RANGE.max })}
        </p>
        <input
          id="activity-k"
          data-testid="activity-k"
          type="number"
          inputMode="numeric"
          min={K_ANONYMITY_RANGE.min}
          max={K_ANONYMITY_RANGE.max}
          step={1}
          value={draft.kAnonymity}
          aria-invalid={errors.kAnonymity ? true : undefined}
          aria-describedby={errors.kAnonymity ? 'activity-k-hint activity-k-error' : 'activity-k-hint'}
          onChange={(e) => setDraft({ ...draft, kAnonymity: e.target.value })}
        />
        {fieldError('kAnonymity', 'activity-k-error')}
      </div>

      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="activity-same-language"
            checked={draft.bondingRequiresSameLanguage}
            aria-describedby="activity-same-language-hint"
            onChange={(e) => setDraft({ ...draft, bondingRequiresSameLanguage: e.target.checked })}
          />
          {t('activity.settings.sameLanguage')}
        </label>
        <p className="hint" id="activity-same-language-hint">
          {t('activity.settings.sameLanguageHint')}
        </p>
      </div>

      <fieldset className="field">
        <legend>{t('activity.settings.mapping')}</legend>
        <table className="stack-table activity-mapping-form">
          <MappingTableHead />
          <tbody>
            {STAKEHOLDER_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row" id={`activity-map-${key}`}>
                  {keyLabel(key)}
                  {changed.has(key) ? <span className="badge badge-warning">{t('activity.rule.changed')}</span> : null}
                </th>
                <td data-label={t('activity.rule.group')}>
                  <select
                    data-testid={`activity-map-${key}-group`}
                    aria-label={`${keyLabel(key)}: ${t('activity.rule.group')}`}
                    value={draft.mapping[key].group}
                    onChange={(e) =>
                      setDraft({ ...draft, mapping: { ...draft.mapping, [key]: { ...draft.mapping[key], group: e.target.value as StakeholderGroup } } })
                    }
                  >
                    {STAKEHOLDER_GROUPS.map((g) => (
                      <option key={g} value={g}>
                        {t(`activity.groups.${g}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={t('activity.rule.tier')}>
                  <select
                    data-testid={`activity-map-${key}-tier`}
                    aria-label={`${keyLabel(key)}: ${t('activity.rule.tier')}`}
                    value={String(draft.mapping[key].tier)}
                    onChange={(e) =>
                      setDraft({ ...draft, mapping: { ...draft.mapping, [key]: { ...draft.mapping[key], tier: Number(e.target.value) as PowerTier } } })
                    }
                  >
                    {POWER_TIER_VALUES.map((tier) => (
                      <option key={tier} value={tier}>
                        {tier} · {t(`activity.tiers.${tier}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>

      <FormActions
        error={save.error}
        pending={save.pending}
        submitLabel={t('activity.settings.save')}
        pendingLabel={t('common.saving')}
        submitTestId="activity-settings-save"
        onCancel={onCancel}
      />
    </form>
  );
}
