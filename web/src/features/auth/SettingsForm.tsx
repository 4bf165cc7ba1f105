import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LIMITS, type Language, type Me, type UpdateMeRequest } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGE_AUTONYMS, isLanguage, storeLanguage } from '../../i18n/languages.js';
import { useAction } from '../../lib/useAction.js';
import { useSession } from './useSession.js';

/**
 * The user's own name, language and (professionals only) municipality. Families and returnees are not asked
 * for a municipality: with so few people concerned, it could be enough to recognise someone.
 */
export function SettingsForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { updateMe } = useSession();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [language, setLanguage] = useState<Language>(me.language);
  const [municipality, setMunicipality] = useState(me.municipality ?? '');
  const [saved, setSaved] = useState(false);
  const [nameTooShort, setNameTooShort] = useState(false);
  const action = useAction();
  const professional = me.kind === 'professional';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const patch: UpdateMeRequest = {};
    const name = displayName.trim();
    const tooShort = name.length < LIMITS.displayName.min;
    setNameTooShort(tooShort);
    if (tooShort) return;
    if (name !== me.displayName) patch.displayName = name;
    if (language !== me.language) patch.language = language;
    const place = municipality.trim();
    if (professional && place !== (me.municipality ?? '')) patch.municipality = place || null;
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return;
    }
    const updated = await action.run(() => updateMe(patch));
    if (updated) {
      if (patch.language) storeLanguage(updated.language);
      setSaved(true);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="settings-display-name">{t('settings.displayName')}</label>
        <p className="hint" id="settings-display-name-hint">
          {professional ? t('settings.displayNameHintProfessional') : t('settings.displayNameHintParticipant')}
        </p>
        <input
          id="settings-display-name"
          data-testid="settings-display-name"
          required
          maxLength={LIMITS.displayName.max}
          aria-describedby="settings-display-name-hint"
          aria-invalid={nameTooShort || undefined}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          data-testid="settings-language"
          value={language}
          onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_AUTONYMS[l]}
            </option>
          ))}
        </select>
      </div>
      {professional ? (
        <div className="field">
          <label htmlFor="settings-municipality">{t('settings.municipality')}</label>
          <p className="hint" id="settings-municipality-hint">
            {t('settings.municipalityHint')}
          </p>
          <input
            id="settings-municipality"
            data-testid="settings-municipality"
            autoComplete="address-level2"
            maxLength={LIMITS.municipality}
            aria-describedby="settings-municipality-hint"
            value={municipality}
            onChange={(e) => setMunicipality(e.target.value)}
          />
        </div>
      ) : null}
      {nameTooShort ? <ErrorAlert error={null} messageKey="settings.displayNameTooShort" values={{ min: LIMITS.displayName.min }} /> : null}
      <ErrorAlert error={action.error} />
      {saved ? (
        <p className="alert alert-success" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
      <button type="submit" className="button" data-testid="settings-submit" disabled={action.pending}>
        {action.pending ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
