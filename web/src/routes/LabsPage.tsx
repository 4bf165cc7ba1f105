import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { useSession } from '../features/auth/useSession.js';
import { LabForm } from '../features/labs/LabForm.js';
import { LabList } from '../features/labs/LabList.js';
import { api } from '../lib/api.js';
import { useApiQuery } from '../lib/useApiQuery.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** / — the labs I belong to, and a form to start a new one for those allowed to. */
export function LabsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const labs = useApiQuery(() => api.listLabs(), []);
  usePageTitle(t('labs.title'));

  return (
    <>
      <h1>{t('labs.title')}</h1>
      {me ? <p className="muted">{t('labs.welcome', { name: me.displayName })}</p> : null}
      <section aria-labelledby="labs-list-title">
        <h2 id="labs-list-title" className="visually-hidden">
          {t('labs.listTitle')}
        </h2>
        {labs.loading ? <Loading /> : null}
        <ErrorAlert error={labs.error} />
        {labs.data ? <LabList labs={labs.data} /> : null}
      </section>
      {me?.canCreateLabs ? (
        <section className="card" aria-labelledby="create-lab-title">
          <h2 id="create-lab-title">{t('labs.createTitle')}</h2>
          <p className="muted">{t('labs.createIntro')}</p>
          <LabForm
            submitLabel={t('labs.create')}
            pendingLabel={t('labs.creating')}
            submitTestId="lab-create-submit"
            onSubmit={async (values) => {
              const lab = await api.createLab(values);
              navigate(`/labs/${encodeURIComponent(lab.id)}`);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
