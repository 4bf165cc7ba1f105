import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RecoverForm } from '../features/auth/RecoverForm.js';
import { RecoveryCodeNotice } from '../features/auth/RecoveryCodeNotice.js';
import { useSession } from '../features/auth/useSession.js';
import { usePageTitle } from '../lib/usePageTitle.js';

/** /recover — come back with the recovery code; a new code replaces it and is shown once. */
export function RecoverPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [newCode, setNewCode] = useState<string | null>(null);
  usePageTitle(t('recover.title'));

  if (newCode) {
    return (
      <div className="narrow">
        <RecoveryCodeNotice code={newCode} context="recover" onAcknowledge={() => navigate('/', { replace: true })} />
      </div>
    );
  }

  return (
    <section className="narrow" aria-labelledby="recover-title">
      <h1 id="recover-title">{t('recover.title')}</h1>
      <p>{t('recover.intro')}</p>
      <RecoverForm
        onRecovered={(session) => {
          signIn(session);
          if (session.recoveryCode) setNewCode(session.recoveryCode);
          else navigate('/', { replace: true });
        }}
      />
      <p className="muted">
        {t('recover.noCode')} <Link to="/join">{t('recover.joinLink')}</Link>
      </p>
    </section>
  );
}
