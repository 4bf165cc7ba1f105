import { useTranslation } from 'react-i18next';
import type { ReflectionReader } from '@relab/shared';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Loading } from '../../../components/Loading.js';
import { formatDateTime } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/useApiQuery.js';
import { reflectionsApi } from '../api.js';

/** "Who read it": who opened the reflection, how often and when last (for its author, from the audit trail). */
export function ReadersList({ labId, reflectionId }: { labId: string; reflectionId: string }) {
  const { t, i18n } = useTranslation();
  const readers = useApiQuery<ReflectionReader[]>(() => reflectionsApi.readers(labId, reflectionId), [labId, reflectionId]);
  return (
    <section className="side-panel" aria-labelledby="readers-title">
      <div className="versions-list-head">
        <h2 id="readers-title" className="h3">
          {t('reflections.readers.title')}
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={readers.reload}>
          {t('reflections.readers.refresh')}
        </button>
      </div>
      <p className="muted">{t('reflections.readers.intro')}</p>
      {readers.loading && !readers.data ? <Loading /> : null}
      <ErrorAlert error={readers.error} />
      {readers.data && readers.data.length === 0 ? <p className="muted">{t('reflections.readers.none')}</p> : null}
      {readers.data && readers.data.length > 0 ? (
        <ul className="readers-list" data-testid="readers-list">
          {readers.data.map((r) => (
            <li key={r.userId} data-testid="reader-row">
              <span className="reader-name" translate="no">
                {r.displayName}
              </span>
              <span className="muted">
                {t('reflections.readers.opens', { count: r.opens })} · {t('reflections.readers.last', { date: formatDateTime(r.lastOpenedAt, i18n.language) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
