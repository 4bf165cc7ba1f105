import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LIMITS, type Language, type SessionResponse } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGE_AUTONYMS, isLanguage } from '../../i18n/languages.js';
import { api } from '../../lib/api.js';
import { normalizeJoinCode } from '../../lib/format.js';
import { useAction } from '../../lib/useAction.js';
import { InvitationSummary } from '../invitations/InvitationSummary.js';
import { useInvitationPreview } from '../invitations/useInvitationPreview.js';

interface Props {
  /** Code taken from the link (/join/CODE), if any. */
  initialCode?: string;
  onJoined: (session: SessionResponse) => void;
}

const MIN_CODE_LENGTH = 4;

/**
 * One short form for a family member or returnee: the join code (checked as soon as it is entered, to show the lab's
 * name), a name of their choice, and their language. No e-mail, no phone number.
 */
export function JoinForm({ initialCode, onJoined }: Props) {
  const { t, i18n } = useTranslation();
  const normalizedInitial = initialCode ? normalizeJoinCode(initialCode) : '';
  const [code, setCode] = useState(normalizedInitial);
  const [checkedCode, setCheckedCode] = useState(normalizedInitial);
  const [displayName, setDisplayName] = useState('');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'nl');
  const preview = useInvitationPreview(normalizedInitial ? { code: normalizedInitial } : null);
  const action = useAction();
  const [nameTooShort, setNameTooShort] = useState(false);

  function checkCode() {
    const normalized = normalizeJoinCode(code);
    if (normalized.length < MIN_CODE_LENGTH || normalized === checkedCode) return;
    setCheckedCode(normalized);
    void preview.check({ code: normalized });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = displayName.trim();
    if (name.length < LIMITS.displayName.min) {
      setNameTooShort(true);
      return;
    }
    setNameTooShort(false);
    const session = await action.run(() => api.join({ code: normalizeJoinCode(code), displayName: name, language }));
    if (session) onJoined(session);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="join-code">{t('join.codeLabel')}</label>
        <p className="hint" id="join-code-hint">
          {t('join.codeHint')}
        </p>
        <input
          id="join-code"
          data-testid="join-code"
          className="input-code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={64}
          aria-describedby="join-code-hint"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onBlur={checkCode}
        />
      </div>
      {preview.loading ? <p className="muted">{t('join.checking')}</p> : null}
      {preview.preview ? <InvitationSummary preview={preview.preview} /> : null}
      <ErrorAlert error={preview.error} />

      <div className="field">
        <label htmlFor="join-display-name">{t('join.displayNameLabel')}</label>
        <p className="hint" id="join-display-name-hint">
          {t('join.displayNameHint')}
        </p>
        <input
          id="join-display-name"
          data-testid="join-display-name"
          name="nickname"
          autoComplete="off"
          required
          minLength={LIMITS.displayName.min}
          maxLength={LIMITS.displayName.max}
          aria-describedby="join-display-name-hint"
          aria-invalid={nameTooShort || undefined}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      {nameTooShort ? (
        <ErrorAlert error={null} messageKey="join.displayNameTooShort" values={{ min: LIMITS.displayName.min }} />
      ) : null}

      <div className="field">
        <label htmlFor="join-language">{t('join.languageLabel')}</label>
        <select
          id="join-language"
          data-testid="join-language"
          name="language"
          value={language}
          onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
        >
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LANGUAGE_AUTONYMS[lng]}
            </option>
          ))}
        </select>
      </div>

      <p className="muted">{t('join.privacyNote')}</p>
      <ErrorAlert error={action.error} />
      <button type="submit" className="button" data-testid="join-submit" disabled={action.pending}>
        {action.pending ? t('join.submitting') : t('join.submit')}
      </button>
    </form>
  );
}
