import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLAB_ERROR_CODES, type CollabStatus } from '@relab/shared';
import type { CollabProviderError } from '../../collab/CollabProvider.js';

/** A short save lasting less than this is not announced (typing would otherwise flip the line all the time). */
const SAVING_DELAY_MS = 400;

/** The status shown: like `status`, except that 'saving' appears only when it lasts. */
function useSettledStatus(status: CollabStatus): CollabStatus {
  const [shown, setShown] = useState(status);
  useEffect(() => {
    if (status !== 'saving' || shown !== 'saved') {
      setShown(status);
      return undefined;
    }
    const timer = setTimeout(() => setShown('saving'), SAVING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [status, shown]);
  return shown;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(COLLAB_ERROR_CODES);

/** "Connecting… / Saving… / Saved / Offline… / Not saved", announced politely, and the reason of an error. */
export function CollabStatusLine({
  status,
  error,
  testId = 'collab-status',
}: {
  status: CollabStatus;
  error: CollabProviderError | null;
  /** Test id of the status line (the error is `<testId>-error`, `collab-error` for the page's main document). */
  testId?: string;
}) {
  const { t } = useTranslation();
  const shown = useSettledStatus(status);
  return (
    <div className="collab-status-box">
      <p className={`collab-status collab-status-${shown}`} role="status" aria-live="polite" aria-atomic="true" data-testid={testId} data-status={shown}>
        <span className="visually-hidden">{t('collab.statusLabel')}: </span>
        <span className="collab-status-dot" aria-hidden="true" />
        {t(`collab.status.${shown}`)}
      </p>
      {status === 'error' && error ? (
        <p className="alert alert-error" role="alert" data-testid={testId === 'collab-status' ? 'collab-error' : `${testId}-error`} data-code={error}>
          {KNOWN_CODES.has(error) ? t(`collab.errors.${error}`) : t('errors.UNKNOWN_ERROR')}
        </p>
      ) : null}
    </div>
  );
}
