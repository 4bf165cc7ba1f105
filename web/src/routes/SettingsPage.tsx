import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading.js';
import { SettingsForm } from '../features/auth/SettingsForm.js';
import { useSession } from '../features/auth/useSession.js';
import { TimeZoneSetting } from '../features/sessions/TimeZoneSetting.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /settings — my name, language and municipality; the time zone of session times (kept on this device). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  usePageTitle(t('settings.title'));
  if (!me) return <Loading />;
  return (
    <section className="narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {me.email ? <p className="muted">{t('settings.account', { email: me.email })}</p> : null}
      {/* Re-created when the language changes in the header, so the form never saves a stale language. */}
      <SettingsForm key={`${me.id}-${me.language}`} me={me} />
      <TimeZoneSetting />
    </section>
  );
}
