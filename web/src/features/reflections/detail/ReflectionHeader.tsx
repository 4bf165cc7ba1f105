import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReflectionDetail, UpdateReflectionRequest } from '@relab/shared';
import { domainLabel } from '../labels.js';
import { StatusBadge } from '../StatusBadge.js';
import { FourEyesState } from './FourEyesState.js';
import { ReflectionMetaForm } from './ReflectionMetaForm.js';

interface Props {
  detail: ReflectionDetail;
  /** Whether I may change life domains and tags (and the title, as author). */
  canEdit: boolean;
  onSave: (patch: UpdateReflectionRequest) => Promise<unknown>;
}

/** Title, status, life domains, tags, author and the four-eyes state; editable in place. */
export function ReflectionHeader({ detail, canEdit, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  function close() {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  return (
    <header className="reflection-header">
      <h1 data-testid="reflection-title">{detail.title}</h1>
      <p className="reflection-status-line">
        <StatusBadge status={detail.status} />
        <span className="muted">
          {t('reflections.byAuthor', { name: detail.author.displayName })} · {t(`languages.${detail.language}`)}
        </span>
      </p>
      <FourEyesState detail={detail} />
      {editing ? (
        <section className="card" aria-labelledby="reflection-edit-heading">
          <h2 id="reflection-edit-heading" className="h3">
            {t('reflections.edit.title')}
          </h2>
          <ReflectionMetaForm
            detail={detail}
            canEditTitle={detail.isAuthor}
            onCancel={close}
            onSave={async (patch) => {
              await onSave(patch);
              close();
            }}
          />
        </section>
      ) : (
        <div className="reflection-meta">
          {detail.lifeDomains.length > 0 ? (
            <ul className="chips" aria-label={t('reflections.lifeDomains')} data-testid="reflection-domains">
              {detail.lifeDomains.map((d) => (
                <li key={d} className="chip chip-domain">
                  {domainLabel(d, i18n.language)}
                </li>
              ))}
            </ul>
          ) : null}
          {detail.tags.length > 0 ? (
            <ul className="chips" aria-label={t('reflections.tags')} data-testid="reflection-tags">
              {detail.tags.map((tag) => (
                <li key={tag} className="chip">
                  #{tag}
                </li>
              ))}
            </ul>
          ) : null}
          {canEdit ? (
            <button type="button" ref={editButton} className="button button-secondary button-small" data-testid="reflection-edit" onClick={() => setEditing(true)}>
              {detail.isAuthor ? t('reflections.edit.openAuthor') : t('reflections.edit.open')}
            </button>
          ) : null}
        </div>
      )}
    </header>
  );
}
