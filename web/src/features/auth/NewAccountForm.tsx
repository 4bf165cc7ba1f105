import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LIMITS, type Language, type SessionResponse } from '@relab/shared';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LANGUAGE_AUTONYMS, isLanguage } from '../../i18n/languages.js';
import { api } from '../../lib/api.js';
import { useAction } from '../../lib/useAction.js';

type LocalProblem = 'displayNameTooShort' | 'passwordTooShort' | 'passwordMismatch' | null;

/** A professional invited by e-mail creates their account: name, password (twice) and language. */
export function NewAccountForm({ token, onAccepted }: { token: string; onAccepted: (s: SessionResponse) => void }) {
  const { t, i18n } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'nl');
  const [problem, setProblem] = useState<LocalProblem>(null);
  const action = useAction();

  function check(): LocalProblem {
    if (displayName.trim().length < LIMITS.displayName.min) return 'displayNameTooShort';
    if (password.length < LIMITS.password.min) return 'passwordTooShort';
    if (password !== confirm) return 'passwordMismatch';
    return null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setProblem(found);
    if (found) return;
    const session = await action.run(() =>
      api.acceptInvitation({ token, displayName: displayName.trim(), password, language }),
    );
    if (session) onAccepted(session);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="invite-display-name">{t('invite.displayName')}</label>
        <p className="hint" id="invite-display-name-hint">
          {t('invite.displayNameHint')}
        </p>
        <input
          id="invite-display-name"
          data-testid="invite-display-name"
          name="name"
          autoComplete="name"
          required
          maxLength={LIMITS.displayName.max}
          aria-describedby="invite-display-name-hint"
          aria-invalid={problem === 'displayNameTooShort' || undefined}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="invite-password">{t('invite.password')}</label>
        <p className="hint" id="invite-password-hint">
          {t('invite.passwordHint', { min: LIMITS.password.min })}
        </p>
        <input
          id="invite-password"
          data-testid="invite-password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={LIMITS.password.min}
          maxLength={LIMITS.password.max}
          aria-describedby="invite-password-hint"
          aria-invalid={problem === 'passwordTooShort' || undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="invite-password-confirm">{t('invite.passwordConfirm')}</label>
        <input
          id="invite-password-confirm"
          data-testid="invite-password-confirm"
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          maxLength={LIMITS.password.max}
          aria-invalid={problem === 'passwordMismatch' || undefined}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="invite-language">{t('invite.language')}</label>
        <select
          id="invite-language"
          data-testid="invite-language"
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
      {problem ? <ErrorAlert error={null} messageKey={`invite.${problem}`} values={{ min: LIMITS.displayName.min }} /> : null}
      <ErrorAlert error={action.error} />
      <button type="submit" className="button" data-testid="invite-accept-submit" disabled={action.pending}>
        {action.pending ? t('invite.submitting') : t('invite.createAccount')}
      </button>
    </form>
  );
}
