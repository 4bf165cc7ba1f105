import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@relab/shared';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useSession } from '../features/auth/useSession.js';
import { LANGUAGE_AUTONYMS, isLanguage } from '../i18n/languages.js';

/** The header's language choice: switches at once, and is saved on the account when logged in. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { changeLanguage } = useSession();
  const [error, setError] = useState<unknown>(null);
  const current = isLanguage(i18n.language) ? i18n.language : 'nl';

  async function onChange(value: string) {
    if (!isLanguage(value)) return;
    setError(null);
    try {
      await changeLanguage(value);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="language-switcher">
      <label htmlFor="language-switcher">{t('nav.language')}</label>
      <select
        id="language-switcher"
        data-testid="language-switcher"
        value={current}
        onChange={(e) => void onChange(e.target.value)}
      >
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {LANGUAGE_AUTONYMS[lng]}
          </option>
        ))}
      </select>
      <ErrorAlert error={error} />
    </div>
  );
}
