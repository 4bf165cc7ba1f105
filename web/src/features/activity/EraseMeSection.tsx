import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useAction } from '../../lib/useAction.js';
import { activityApi } from './api.js';

interface Props {
  labId: string;
}

/**
 * For every member (families and returnees first): what the lab's interaction statistics count about them, and a way
 * to unlink themselves from everything counted so far (ADR 0010, erasure on request).
 */
export function EraseMeSection({ labId }: Props) {
  const { t } = useTranslation();
  const action = useAction();
  const [done, setDone] = useState(false);

  async function onConfirm() {
    setDone(false);
    const ok = await action.run(async () => {
      await activityApi.eraseMe(labId);
      return true;
    });
    if (ok) setDone(true);
  }

  return (
    <section className="card" aria-labelledby="activity-erase-me-title" data-testid="activity-erase-me-section">
      <h2 id="activity-erase-me-title" className="h3">
        {t('activity.eraseMe.title')}
      </h2>
      <p>{t('activity.eraseMe.what')}</p>
      <p>{t('activity.eraseMe.privacy')}</p>
      {done ? (
        <p className="alert alert-success" role="status" data-testid="activity-erase-me-done">
          {t('activity.eraseMe.done')}
        </p>
      ) : null}
      <ErrorAlert error={action.error} />
      <div>
        <ConfirmButton
          label={t('activity.eraseMe.button')}
          question={t('activity.eraseMe.question')}
          confirmLabel={t('activity.eraseMe.confirm')}
          onConfirm={onConfirm}
          disabled={action.pending}
          testId="activity-erase-me"
        />
      </div>
    </section>
  );
}
