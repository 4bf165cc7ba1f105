import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLAB_LIMITS, type VersionSummary } from '@relab/shared';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { formatDateTime } from '../../lib/format.js';
import { useAction } from '../../lib/useAction.js';
import { useVersions } from './useVersions.js';

interface Props {
  docName: string;
  /** Writers may save and restore versions; readers only look at them. */
  canWrite: boolean;
  /** The version being viewed (shown by the page, beside the live text), and how to choose one. */
  viewing: string | null;
  onView: (versionId: string) => void;
  /** Texts for another kind of document than the notebook (by default the notebook's). */
  texts?: { intro?: string; restoreQuestion?: string };
}

/** Named versions of a collaborative document: save one, look at one, restore one. */
export function VersionsPanel({ docName, canWrite, viewing, onView, texts }: Props) {
  const { t, i18n } = useTranslation();
  const { list, save, restore, reload } = useVersions(docName);
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const saving = useAction();
  const restoring = useAction();

  /** Automatic versions carry a technical name from the server: they are shown by their kind, translated. */
  const versionLabel = (v: VersionSummary) => (v.kind === 'auto' ? t('versions.autoName') : v.name);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length < COLLAB_LIMITS.versionName.min) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setNotice(null);
    const created = await saving.run(() => save(trimmed));
    if (created) {
      setName('');
      setNotice(t('versions.saved', { name: created.name }));
    }
  }

  async function onRestore(id: string, versionName: string) {
    setNotice(null);
    const done = await restoring.run(async () => {
      await restore(id);
      return true;
    });
    if (done) setNotice(t('versions.restored', { name: versionName }));
  }

  return (
    <section className="versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <p className="muted">{texts?.intro ?? t('versions.intro')}</p>
      {canWrite ? (
        <form className="form version-form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="version-name">{t('versions.name')}</label>
            <span className="hint" id="version-name-hint">
              {t('versions.nameHint')}
            </span>
            <input
              id="version-name"
              data-testid="version-name"
              value={name}
              maxLength={COLLAB_LIMITS.versionName.max}
              aria-describedby={invalid ? 'version-name-hint version-name-error' : 'version-name-hint'}
              aria-invalid={invalid}
              onChange={(e) => setName(e.target.value)}
            />
            {invalid ? <ErrorAlert error={null} messageKey="versions.nameRequired" id="version-name-error" /> : null}
          </div>
          <button type="submit" className="button" data-testid="version-save" disabled={saving.pending}>
            {saving.pending ? t('versions.saving') : t('versions.save')}
          </button>
          <ErrorAlert error={saving.error} />
        </form>
      ) : null}
      <p className="notice-slot" role="status" aria-live="polite" data-testid="versions-notice">
        {notice}
      </p>
      <ErrorAlert error={restoring.error} />

      <div className="versions-list-head">
        <h3 id="versions-list-title" className="h3">
          {t('versions.listTitle')}
        </h3>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('versions.refresh')}
        </button>
      </div>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.length === 0 ? <p className="muted">{t('versions.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul className="version-list" aria-labelledby="versions-list-title" data-testid="versions-list">
          {list.data.map((v) => ({ ...v, name: versionLabel(v) })).map((v) => (
            <li key={v.id} className="version-item" data-testid="version-row">
              <div className="version-main">
                <span className="version-name" data-testid="version-row-name">
                  {v.name}
                </span>
                <span className="version-meta">
                  {formatDateTime(v.createdAt, i18n.language)} · {t(`versions.kind.${v.kind}`)}
                  {v.createdBy ? (
                    <>
                      {' · '}
                      <span translate="no">{v.createdBy}</span>
                    </>
                  ) : null}
                </span>
              </div>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('versions.viewLabel', { name: v.name })}
                  aria-pressed={viewing === v.id}
                  data-testid="version-view"
                  data-version-id={v.id}
                  onClick={() => onView(v.id)}
                >
                  {t('versions.view')}
                </button>
                {canWrite ? (
                  <ConfirmButton
                    label={t('versions.restore')}
                    ariaLabel={t('versions.restoreLabel', { name: v.name })}
                    question={texts?.restoreQuestion ?? t('versions.restoreQuestion')}
                    confirmLabel={t('versions.restoreConfirm')}
                    disabled={restoring.pending}
                    testId="version-restore"
                    onConfirm={() => onRestore(v.id, v.name)}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
